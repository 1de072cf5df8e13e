"""Permission codes: importable without the models, so start-up stays light."""

VIEW = "inventory.view"
MOVE = "inventory.move"
CATALOG = "inventory.catalog"
STOCKTAKE = "inventory.stocktake"
DEPOTS = "inventory.depots"
