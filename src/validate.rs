//! Pure validity checks used by detectors: elfproef (BSN), mod-97 (IBAN), Luhn, plate
//! sidecodes. (Stub: lands with the number detectors.)
