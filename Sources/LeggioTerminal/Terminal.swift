import LeggioTUI
import CNcursesw

/// PLACEHOLDER: the terminal application issue fills this target.
public enum Terminal {}
