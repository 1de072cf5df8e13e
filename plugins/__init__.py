"""Built-in plugins; each registers through the service_center.plugins entry point group."""
