package oauthredirect

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/webfw"
)

// This file holds what the analyzer knows about net/http, net/url and
// the web frameworks: how a call is named, and which framework a
// package is.

// Web framework import paths, by the short name used below.
func frameworkPath(path string) string {
	if webfw.Echo(path) {
		return "echo"
	}
	switch unvendor(path) {
	case "github.com/gin-gonic/gin":
		return "gin"
	case "github.com/gofiber/fiber/v2", "github.com/gofiber/fiber":
		return "fiber"
	}
	return ""
}

func unvendor(path string) string {
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		return path[i+len("/vendor/"):]
	}
	return path
}

// callee describes the function or method a call reaches: its package
// path (unvendored), the name of its receiver's named type ("" for a
// function), its name, and its arguments without the receiver.
type callee struct {
	pkg, recv, name string
	obj             *types.Func
	fn              *ssa.Function // the static callee, if any
	recvVal         ssa.Value     // the receiver, for methods
	args            []ssa.Value
}

func resolve(c *ssa.CallCommon) (callee, bool) {
	if c.IsInvoke() {
		m := c.Method
		if m.Pkg() == nil {
			return callee{}, false
		}
		return callee{pkg: unvendor(m.Pkg().Path()), recv: typeName(c.Value.Type()), name: m.Name(), obj: m, recvVal: c.Value, args: c.Args}, true
	}
	fn := c.StaticCallee()
	if fn == nil {
		return callee{}, false
	}
	obj, _ := fn.Object().(*types.Func)
	if obj == nil {
		if fn.Parent() != nil {
			// A function literal called in place.
			return callee{fn: fn, args: c.Args}, true
		}
		return callee{}, false
	}
	out := callee{obj: obj, fn: fn, name: obj.Name(), args: c.Args}
	if obj.Pkg() != nil {
		out.pkg = unvendor(obj.Pkg().Path())
	}
	if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() != nil {
		out.recv = typeName(sig.Recv().Type())
		if len(c.Args) > 0 {
			out.recvVal = c.Args[0]
			out.args = c.Args[1:]
		}
	}
	return out, true
}

// is reports whether the callee is pkg.recv.name (recv "" for a
// function).
func (c callee) is(pkg, recv, name string) bool {
	return c.pkg == pkg && c.recv == recv && c.name == name
}

// qualified names the callee as pkg.Func or pkg.Type.Method, using the
// package's name (always lower case by convention).
func (c callee) qualified() string {
	if c.obj == nil || c.obj.Pkg() == nil {
		return "a function literal"
	}
	if c.recv != "" {
		return c.obj.Pkg().Name() + "." + c.recv + "." + c.name
	}
	return c.obj.Pkg().Name() + "." + c.name
}

// arg returns the i-th argument (receiver excluded), or nil.
func (c callee) arg(i int) ssa.Value {
	if i < len(c.args) {
		return c.args[i]
	}
	return nil
}

// typeName returns the name of t's named type, through one pointer.
func typeName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// isNamed reports whether t (through one pointer) is the named type
// pkg.name.
func isNamed(t types.Type, pkg, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == name && n.Obj().Pkg() != nil && unvendor(n.Obj().Pkg().Path()) == pkg
}

// fieldName returns the name of the field a FieldAddr or Field selects.
func fieldName(v ssa.Value) (base ssa.Value, name string, ok bool) {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		// X is a pointer to a struct, or a type parameter whose core
		// type is one; the latter is not followed.
		ptr, ok := v.X.Type().Underlying().(*types.Pointer)
		if !ok {
			return nil, "", false
		}
		st, ok := ptr.Elem().Underlying().(*types.Struct)
		if !ok {
			return nil, "", false
		}
		return v.X, st.Field(v.Field).Name(), true
	case *ssa.Field:
		st, ok := v.X.Type().Underlying().(*types.Struct)
		if !ok {
			return nil, "", false
		}
		return v.X, st.Field(v.Field).Name(), true
	}
	return nil, "", false
}

// isString reports whether t's underlying type is string.
func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}
