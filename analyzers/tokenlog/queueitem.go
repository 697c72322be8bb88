package tokenlog

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// An item taken from a work queue.
//
// A Kubernetes controller takes the key of the object to reconcile from
// its work queue (appKey, shutdown := ctrl.appRefreshQueue.Get()): a
// "namespace/name" string, logged with every message about it. A local
// named for a key that receives what a queue hands out is that item's
// identifier, not an API key, whatever its name says. A queue is
// client-go's workqueue, or any type named for a queue whose method
// Get, Pop, Dequeue or Take hands the item out.

// queueItem reports whether e takes an item from a work queue.
func queueItem(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return false
	}
	switch fn.Name() {
	case "Get", "Pop", "Dequeue", "Take":
	default:
		return false
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return strings.HasSuffix(n.Obj().Pkg().Path(), "/workqueue") || strings.Contains(strings.ToLower(n.Obj().Name()), "queue")
}
