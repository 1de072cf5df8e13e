"""Administration dialogs owned by the shell: users, org units, audit log, plugins, settings."""
