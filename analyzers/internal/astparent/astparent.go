// Package astparent records the parent of each node of a syntax tree,
// for analyzers that look upward from a node (is this call's result
// assigned, negated, the operand of a condition?). go/ast has no parent
// links, and inspector.Cursor needs the whole package indexed; a map
// built over one file or one function body is what scopecheck and
// tokenverify need.
package astparent

import "go/ast"

// Record walks root and stores in m the parent of every node below it
// (root itself gets none). visit, when not nil, is called on every
// node, root included, in the walk's order, so that a caller indexing
// other things in the same tree walks it once.
func Record(root ast.Node, m map[ast.Node]ast.Node, visit func(ast.Node)) {
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			m[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		if visit != nil {
			visit(n)
		}
		return true
	})
}
