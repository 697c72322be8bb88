package main

// Logf in a main package is not suggested: it cannot be imported.
func Logf(format string, args ...any) {}

func main() {}
