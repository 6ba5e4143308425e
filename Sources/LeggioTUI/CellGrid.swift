import LeggioLayout

/// PLACEHOLDER: the terminal application issue fills this target.
public struct CellGrid {}
