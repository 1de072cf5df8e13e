"""Sync between a node and its parent (docs/sync.md): change capture by database triggers,
push of the rows a subtree owns, pull of reference rows and of what others wrote on its
cases, offline bundles, and provisioning of children. No Qt."""
