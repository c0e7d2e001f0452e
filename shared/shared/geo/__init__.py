"""Geography: import of territorial units, validation, zoom-band coverage simplification."""
