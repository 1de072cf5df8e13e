"""The rules of a ticket's life: opening, moves, dispatch, repair order, complaints, the clock,
the timeline. Private to the plugin: reached through ``plugins.tickets.service``."""
