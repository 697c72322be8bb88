package scopecheck

import (
	"go/ast"
	"go/types"
	"path"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Static files.
//
// A route whose handler serves a web UI's assets (http.FileServer or
// http.FileServerFS, reached through http.StripPrefix or another wrapper
// that takes the handler: a CORS or gzip decorator) serves the same
// files to every caller who passed authentication: OpenFaaS's /ui/
// bundle behind the admin's basic auth. There is no user's resource for
// a scope or a role to protect, so such a route is not reported. The
// files must be assets: compiled into the program (an embed.FS), or a
// directory named as assets (assets, static, public, ui, web, dist…). A
// file server over any other directory (/srv, uploads/) may hand every
// caller everyone's files and is judged as before, as is a route to the
// application's own handler beside it.

// servesFiles reports whether the handler expression e is built from a
// file server: directly, through wrappers that take it as their handler
// argument, through a local variable or package variable initialised
// with one, or as the method value h.ServeHTTP of such a handler.
func (st *state) servesFiles(e ast.Expr, depth int) bool {
	if depth > 8 || e == nil {
		return false
	}
	info := st.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if x.Sel.Name == "ServeHTTP" {
			return st.servesFiles(x.X, depth+1)
		}
	case *ast.Ident:
		if obj := info.ObjectOf(x); obj != nil && st.inits[obj] != nil {
			return st.servesFiles(st.inits[obj], depth+1)
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return st.servesFiles(x.Args[0], depth+1) // http.HandlerFunc(fs.ServeHTTP)
		}
		if fn, _ := typeutil.Callee(info, x).(*types.Func); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pkgHTTP && recvName(fn) == "" {
			switch fn.Name() {
			case "FileServer", "FileServerFS":
				return len(x.Args) == 1 && st.assetFS(x.Args[0], 0)
			}
		}
		if h := handlerArg(info, x); h != nil {
			return st.servesFiles(h, depth+1)
		}
	}
	return false
}

// assetDirs are the names of directories that hold a web UI's assets.
var assetDirs = map[string]bool{
	"assets": true, "static": true, "public": true, "ui": true, "web": true, "www": true, "dist": true, "build": true,
	"frontend": true, "webui": true, "webapp": true, "site": true, "html": true, "css": true, "js": true, "img": true, "images": true,
}

// assetFS reports whether e, a file server's file system, holds assets:
// an embed.FS (directly, through http.FS or fs.Sub), or http.Dir of a
// constant path whose last element names an asset directory.
func (st *state) assetFS(e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	info := st.pass.TypesInfo
	e = ast.Unparen(e)
	if isNamed(info.TypeOf(e), "embed", "FS") {
		return true
	}
	switch x := e.(type) {
	case *ast.Ident:
		if obj := info.ObjectOf(x); obj != nil && st.inits[obj] != nil {
			return st.assetFS(st.inits[obj], depth+1)
		} else if obj != nil && st.firstOf[obj] != nil {
			return st.assetFS(st.firstOf[obj], depth+1) // sub, err := fs.Sub(ui, "dist")
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			// http.Dir("./assets/")
			if d, ok := constString(info, x.Args[0]); ok && isNamed(tv.Type, pkgHTTP, "Dir") {
				return assetDirs[strings.ToLower(path.Base(path.Clean("/"+d)))]
			}
			return false
		}
		fn, _ := typeutil.Callee(info, x).(*types.Func)
		if fn == nil || fn.Pkg() == nil || len(x.Args) == 0 {
			return false
		}
		switch fn.Pkg().Path() + "." + fn.Name() {
		case pkgHTTP + ".FS", "io/fs.Sub":
			return st.assetFS(x.Args[0], depth+1)
		}
	}
	return false
}
