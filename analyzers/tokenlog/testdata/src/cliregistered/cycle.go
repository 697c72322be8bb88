package cliregistered

import "fmt"

// walkTokens calls itself through a closure it makes (a tree walk), and
// nothing else calls it: the question "is it a delegate of commands?"
// meets itself again through the closure. That is no command's delegate,
// and its print is reported.
func walkTokens(depth int) {
	visit := func(d int) { walkTokens(d - 1) }
	if depth > 0 {
		visit(depth)
	}
	fmt.Println(retrieve().SessionToken) // want `token from environment variable AWS_SESSION_TOKEN returned by retrieve reaches fmt.Println`
}
