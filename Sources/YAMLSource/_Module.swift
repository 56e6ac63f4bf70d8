// Module YAMLSource.
