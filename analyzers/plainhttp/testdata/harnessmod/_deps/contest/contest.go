// Package contest is a production library whose name ends in "test"
// as an ordinary word.
package contest

func Score(s string) int { return len(s) }
