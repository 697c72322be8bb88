package tokenlog

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
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
	fn, _ := calledFunc(info, e)
	if fn == nil {
		return false
	}
	switch fn.Name() {
	case "Get", "Pop", "Dequeue", "Take":
	default:
		return false
	}
	recv := credsrc.RecvTypeName(fn) // a method's type is of its package
	if recv == "" || fn.Pkg() == nil {
		return false
	}
	return strings.HasSuffix(fn.Pkg().Path(), "/workqueue") || strings.Contains(strings.ToLower(recv), "queue")
}
