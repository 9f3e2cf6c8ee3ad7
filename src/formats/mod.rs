//! Input and output formats: records with typed fields. (Stub: lands with the CLI work.)
