"""The Qt layer of the shell. Only this package (and plugins' views) imports PySide6."""
