package scopecheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// gRPC services. A generated RegisterXServer(s grpc.ServiceRegistrar,
// srv XServer) call serves the methods of XServer, as implemented by
// the argument's type, on the server s; the interceptors given to
// grpc.NewServer (UnaryInterceptor, StreamInterceptor and their Chain
// forms) are its middleware. Unary interceptors guard the unary
// methods, stream interceptors the streaming ones (a method taking a
// grpc.ServerStream). A method served behind an interceptor that
// authenticates, with no interceptor that authorizes, that works and
// never authorizes itself is reported at its declaration
// (scopecheck/route): the registration covers every method, the
// method is where the check belongs. A method of another package (the
// service in a package of its own, registered by main) is judged by
// its facts and reported at its declaration too.

// grpcService returns the server expression and the implementation of
// a service registration: a function of two parameters, a
// grpc.ServiceRegistrar (or *grpc.Server) and an interface.
func (st *state) grpcService(call *ast.CallExpr) (server, impl ast.Expr, iface *types.Interface, ok bool) {
	fn, _ := typeutil.Callee(st.pass.TypesInfo, call).(*types.Func)
	if fn == nil || len(call.Args) != 2 {
		return nil, nil, nil, false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() != nil || sig.Params().Len() != 2 {
		return nil, nil, nil, false
	}
	p0 := sig.Params().At(0).Type()
	if !isNamed(p0, pkgGRPC, "ServiceRegistrar") && !isPtrTo(p0, pkgGRPC, "Server") {
		return nil, nil, nil, false
	}
	it, isIface := sig.Params().At(1).Type().Underlying().(*types.Interface)
	if !isIface || it.NumMethods() == 0 {
		return nil, nil, nil, false
	}
	return call.Args[0], call.Args[1], it, true
}

// grpcInterceptors returns the unary and stream interceptors of the
// server expression: the options given to the grpc.NewServer call it
// was made by, directly or through a slice of options.
func (st *state) grpcInterceptors(server ast.Expr) (unary, stream []ast.Expr) {
	info := st.pass.TypesInfo
	var newServer *ast.CallExpr
	e := ast.Unparen(server)
	for range 4 {
		if c, ok := e.(*ast.CallExpr); ok {
			newServer = c
			break
		}
		key := st.routerKey(e)
		if key == nil || st.inits[key] == nil {
			if id, ok := e.(*ast.Ident); ok {
				key = info.ObjectOf(id)
			}
			if key == nil || st.inits[key] == nil {
				return nil, nil
			}
		}
		e = ast.Unparen(st.inits[key])
	}
	if newServer == nil {
		return nil, nil
	}
	var opt func(a ast.Expr, depth int)
	opt = func(a ast.Expr, depth int) {
		if depth > 4 {
			return
		}
		switch a := ast.Unparen(a).(type) {
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, a).(*types.Func)
			if fn == nil || funcPath(fn) != pkgGRPC {
				return
			}
			switch fn.Name() {
			case "UnaryInterceptor", "ChainUnaryInterceptor":
				unary = append(unary, a.Args...)
			case "StreamInterceptor", "ChainStreamInterceptor":
				stream = append(stream, a.Args...)
			}
		case *ast.CompositeLit:
			for _, el := range a.Elts {
				opt(el, depth+1)
			}
		case *ast.Ident:
			if obj := info.ObjectOf(a); obj != nil && st.inits[obj] != nil {
				opt(st.inits[obj], depth+1)
			}
		}
	}
	if fn, _ := typeutil.Callee(info, newServer).(*types.Func); fn == nil || funcPath(fn) != pkgGRPC || fn.Name() != "NewServer" {
		return nil, nil
	}
	for _, a := range newServer.Args {
		opt(a, 0)
	}
	return unary, stream
}

// isStreamMethod reports whether a service method streams: one of its
// parameters is a grpc.ServerStream.
func isStreamMethod(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if isNamed(t, pkgGRPC, "ServerStream") {
			return true
		}
		if it, ok := t.Underlying().(*types.Interface); ok {
			for j := 0; j < it.NumEmbeddeds(); j++ {
				if isNamed(it.EmbeddedType(j), pkgGRPC, "ServerStream") {
					return true
				}
			}
		}
	}
	return false
}

// grpcRoutes judges the methods a service registration serves.
func (st *state) grpcRoutes(call *ast.CallExpr) bool {
	server, impl, iface, ok := st.grpcService(call)
	if !ok {
		return false
	}
	unary, stream := st.grpcInterceptors(server)
	uAuthn, uAuthz := st.verdicts(unary)
	sAuthn, sAuthz := st.verdicts(stream)
	t := st.implType(impl)
	if t == nil {
		return true
	}
	for i := 0; i < iface.NumMethods(); i++ {
		m := iface.Method(i)
		obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		authn, authz := uAuthn, uAuthz
		if isStreamMethod(fn) {
			authn, authz = sAuthn, sAuthz
		}
		fi := st.byObj[fn]
		if fi != nil && authz.authz != "" {
			st.markAuthz(fi)
		}
		if authz.authz != "" || authn.authn == "" {
			continue
		}
		t, name, pos := target{fi: fi}, "", token.NoPos
		switch {
		case fi != nil:
			name, pos = fi.name(), fi.pos()
		case fn.Pkg() != st.pass.Pkg && st.analyzed(fn):
			t, name, pos = target{fn: fn}, shortName(fn), fn.Pos()
		default:
			continue
		}
		h := st.targetSummary(t)
		if !h.known || h.authz != "" || h.owns != "" || h.issues != "" || h.work == "" || probePattern("/"+m.Name()) {
			continue
		}
		st.pass.Report(analysis.Diagnostic{
			Pos:      pos,
			Category: "route",
			Message: fmt.Sprintf("gRPC method %s is served behind authenticating interceptor %s (%s) but neither an interceptor nor the method checks a scope, role or permission before it %s; "+
				"check the caller's roles or permissions in the method, or add an authorizing interceptor",
				name, authn.name, authn.authn, h.work),
		})
	}
	return true
}

// implType returns the concrete type of a service implementation: the
// type of the expression, or, for a constructor of the package that
// returns the service interface (NewServer(...) XServer), the type of
// the values its return statements build.
func (st *state) implType(e ast.Expr) types.Type {
	info := st.pass.TypesInfo
	t := info.TypeOf(e)
	if t == nil || !types.IsInterface(t) {
		return t
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	fi := st.byObj[fn]
	if fi == nil || fi.decl == nil {
		return nil
	}
	var found types.Type
	ast.Inspect(fi.body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		ret, ok := n.(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 {
			return true
		}
		rt := info.TypeOf(ret.Results[0])
		if rt == nil || types.IsInterface(rt) {
			return true
		}
		if found == nil {
			found = rt
		} else if !types.Identical(found, rt) {
			found = types.Typ[types.Invalid] // several types: unknown
		}
		return true
	})
	if found == types.Typ[types.Invalid] {
		return nil
	}
	return found
}
