package plainhttp

import (
	"go/ast"
	"go/types"
	"net"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/authvet/authvet/analyzers/internal/textual"
)

// A gRPC dial that turns transport security off (grpc.WithInsecure, or
// grpc.WithTransportCredentials(insecure.NewCredentials())) and in the
// same call attaches per-RPC credentials (grpc.WithPerRPCCredentials)
// sends those credentials, a bearer token or API key, in clear text on
// every call: the gRPC form of an http:// base URL with an Authorization
// header. Left alone: an insecure dial without per-RPC credentials
// (service meshes and sidecars carry those), a target on the local
// machine (loopback, unix sockets) or, unless -internal, in the cluster
// or on a private network, credentials whose RequireTransportSecurity
// returns true (gRPC then refuses the insecure connection), and
// test-support code.

const grpcPath = "google.golang.org/grpc"

func init() {
	relevantImports = append(relevantImports, grpcPath)
}

// grpcDials maps the dial functions to the index of their target.
var grpcDials = map[string]int{
	grpcPath + ".Dial":        0,
	grpcPath + ".DialContext": 1,
	grpcPath + ".NewClient":   0,
}

// grpcDial reports call when it is a gRPC dial with an insecure
// transport and per-RPC credentials.
func (c *checker) grpcDial(call *ast.CallExpr, stack []ast.Node) {
	info := c.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || trimVendor(fn.Pkg().Path()) != grpcPath {
		return
	}
	at, ok := grpcDials[grpcPath+"."+fn.Name()]
	if !ok || at >= len(call.Args) || c.isTestFile(call.Pos()) {
		return
	}
	var insecureOpt ast.Expr
	perRPC := false
	for _, o := range c.dialOptions(call, at+1, stack) {
		opt, ok := ast.Unparen(o.expr).(*ast.CallExpr)
		if !ok {
			continue
		}
		switch c.funcName(opt) {
		case grpcPath + ".WithInsecure":
			if !o.conditional {
				insecureOpt = opt
			}
		case grpcPath + ".WithTransportCredentials":
			if len(opt.Args) == 1 && !o.conditional {
				if inner, ok := ast.Unparen(opt.Args[0]).(*ast.CallExpr); ok && c.funcName(inner) == grpcPath+"/credentials/insecure.NewCredentials" {
					insecureOpt = opt
				}
			}
		case grpcPath + ".WithPerRPCCredentials":
			perRPC = perRPC || (len(opt.Args) == 1 && !c.requiresTransportSecurity(opt.Args[0]))
		}
	}
	if insecureOpt == nil || !perRPC {
		return
	}
	target, remote := c.remoteTarget(call.Args[at], "a run-time target")
	if !remote {
		return
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:      insecureOpt.Pos(),
		End:      insecureOpt.End(),
		Category: catGRPCInsecure,
		Message: "gRPC dial to " + target + " turns transport security off and attaches per-RPC credentials, " +
			"which then travel in clear text; use grpc.WithTransportCredentials(credentials.NewTLS(…))",
	})
}

// remoteTarget names a gRPC target or endpoint for messages (its
// constant, or dynamic when it is chosen at run time; e nil is chosen at
// run time too) and reports whether it may be off the machine: not a
// local socket or loopback host and, unless -internal, not in the
// cluster or on a private network.
func (c *checker) remoteTarget(e ast.Expr, dynamic string) (string, bool) {
	if e == nil {
		return dynamic, true
	}
	t, ok := textual.ConstString(c.pass.TypesInfo, e)
	if !ok {
		return dynamic, true
	}
	host, local := grpcTargetHost(t)
	if local {
		return "", false
	}
	switch classifyHost(host, "", c.allow, c.internal) {
	case hostPublic, hostDynamic:
		return t, true
	}
	return "", false
}

// funcName is the package path and name of the function call calls
// ("google.golang.org/grpc.WithInsecure"), or "".
func (c *checker) funcName(call *ast.CallExpr) string {
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	return trimVendor(fn.Pkg().Path()) + "." + fn.Name()
}

// requiresTransportSecurity reports whether the per-RPC credentials e
// are of a type of this package whose RequireTransportSecurity method
// returns the constant true: gRPC then fails the insecure dial instead
// of sending them.
func (c *checker) requiresTransportSecurity(e ast.Expr) bool {
	obj, _, _ := types.LookupFieldOrMethod(typeOf(c.pass.TypesInfo, e), true, c.pass.Pkg, "RequireTransportSecurity")
	m, ok := obj.(*types.Func)
	if !ok || m.Pkg() != c.pass.Pkg {
		return false
	}
	fd := c.res.index().decls[m.Origin()]
	if fd == nil || fd.Body == nil || len(fd.Body.List) != 1 {
		return false
	}
	ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
	return ok && len(ret.Results) == 1 && isConstTrue(c.pass.TypesInfo, ret.Results[0])
}

// grpcTargetHost returns the host of a gRPC target ("dns:///api:443",
// "api.example.com:443", "unix:///run/x.sock"), and whether the target
// is a local socket.
func grpcTargetHost(t string) (string, bool) {
	t = strings.TrimSpace(t)
	if scheme, rest, ok := strings.Cut(t, ":"); ok && strings.HasPrefix(rest, "//") || strings.HasPrefix(t, "unix:") {
		switch strings.ToLower(scheme) {
		case "unix", "unix-abstract", "vsock":
			return "", true
		}
		rest = strings.TrimPrefix(rest, "//")
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			rest = rest[i+1:] // dns://authority/host:port or dns:///host:port
		}
		t = rest
	}
	host := t
	if h, _, err := net.SplitHostPort(t); err == nil {
		host = h
	}
	return strings.ToLower(strings.Trim(host, "[]")), false
}
