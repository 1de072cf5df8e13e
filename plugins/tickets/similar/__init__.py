"""The similar-case search: past resolved cases that read like a new symptom (``search``),
its index and vocabulary, and the catch-up for tickets received by sync. Private to the plugin:
reached through ``plugins.tickets.service``."""
