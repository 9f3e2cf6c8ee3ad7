//! Word lists with a provenance and licence header each, loaded once and matched with
//! aho-corasick. (Stub: lands with the names work.)
