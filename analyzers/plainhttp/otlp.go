package plainhttp

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// OpenTelemetry's OTLP exporters take their transport as options:
// WithInsecure() turns TLS off (plain gRPC, or http:// for the HTTP
// exporters) and WithHeaders(h) adds headers to every export. A vendor's
// collector (Honeycomb, Grafana Cloud, New Relic, Datadog) authenticates
// the exporter by such a header, an API key or basic auth: the exporter
// built with both sends that credential in clear text on every batch, the
// OTLP form of a gRPC dial with per-RPC credentials and no transport
// security (grpc.go). Reported at the WithInsecure option when, in the
// exporter's options as grpcDial gathers them:
//   - WithInsecure is added unconditionally (an insecure transport
//     chosen in a branch, if cfg.Insecure {…}, is the operator's choice,
//     as for gRPC dials);
//   - WithHeaders is given a map that visibly holds a credential: a
//     credential header key (Authorization, api-key, X-…-Token) or a
//     credential value ("Basic " + token, cfg.APIKey), in its literal or
//     set on the local map before the call;
//   - the endpoint, when a constant, is not on the machine or (unless
//     -internal) the cluster or a private network. An exporter without
//     an endpoint option takes it from the environment and is judged as
//     one with a run-time endpoint.
//
// Headers passed whole from configuration (WithHeaders(cfg.Headers)) are
// not judged: nothing in the code says they hold a credential.

// otlpPaths are the OTLP exporter packages; the value says whether the
// exporter speaks gRPC (false: HTTP).
var otlpPaths = map[string]bool{
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc":   true,
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp":   false,
	"go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetricgrpc": true,
	"go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetrichttp": false,
	"go.opentelemetry.io/otel/exporters/otlp/otlplog/otlploggrpc":       true,
	"go.opentelemetry.io/otel/exporters/otlp/otlplog/otlploghttp":       false,
}

func init() {
	for p := range otlpPaths {
		relevantImports = append(relevantImports, p)
	}
}

// otlpExporter reports call when it builds an OTLP exporter (or client)
// that sends credential headers without transport security.
func (c *checker) otlpExporter(call *ast.CallExpr, stack []ast.Node) {
	info := c.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return
	}
	path := trimVendor(fn.Pkg().Path())
	grpcExp, ok := otlpPaths[path]
	if !ok || !strings.HasPrefix(fn.Name(), "New") || c.isTestFile(call.Pos()) {
		return
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || !sig.Variadic() || sig.Recv() != nil {
		return
	}
	from := sig.Params().Len() - 1
	if from > len(call.Args) {
		return
	}
	var insecureOpt *ast.CallExpr
	creds := false
	var endpoint ast.Expr
	for _, o := range c.dialOptions(call, from, stack) {
		opt, ok := ast.Unparen(o.expr).(*ast.CallExpr)
		if !ok {
			continue
		}
		ofn, _ := typeutil.Callee(info, opt).(*types.Func)
		if ofn == nil || ofn.Pkg() == nil || trimVendor(ofn.Pkg().Path()) != path {
			continue
		}
		switch ofn.Name() {
		case "WithInsecure":
			if !o.conditional {
				insecureOpt = opt
			}
		case "WithHeaders":
			creds = creds || (len(opt.Args) == 1 && c.credentialHeaders(opt.Args[0], stack))
		case "WithEndpoint":
			if len(opt.Args) == 1 {
				endpoint = opt.Args[0]
			}
		}
	}
	if insecureOpt == nil || !creds {
		return
	}
	target, remote := c.remoteTarget(endpoint, "an endpoint chosen at run time")
	if !remote {
		return
	}
	pkg := path[strings.LastIndex(path, "/")+1:]
	cat, clear := catGRPCInsecure, "plain gRPC"
	if !grpcExp {
		cat, clear = catURL, "plain http://"
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:      insecureOpt.Pos(),
		End:      insecureOpt.End(),
		Category: cat,
		Message: "an OTLP exporter to " + target + " turns transport security off (" + pkg + ".WithInsecure) and sends credential headers, " +
			"which then travel over " + clear + " in clear text on every export; drop WithInsecure",
	})
}

// credentialHeaders reports whether e, a map of headers, visibly holds a
// credential: a map literal with a credential key or value, or a local
// map variable given one by its literal or by an index assignment in the
// function around the call.
func (c *checker) credentialHeaders(e ast.Expr, stack []ast.Node) bool {
	inLit := func(e ast.Expr) bool {
		lit, ok := ast.Unparen(e).(*ast.CompositeLit)
		if !ok {
			return false
		}
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok && (c.credentialKey(kv.Key, credname.IsCredentialHeader) || c.credentialValue(kv.Value)) {
				return true
			}
		}
		return false
	}
	if inLit(e) {
		return true
	}
	body, isV, ok := localVar(c.pass.TypesInfo, e, stack)
	if !ok {
		return false // a parameter, a field or a global
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, l := range n.Lhs {
				if isV(l) && inLit(n.Rhs[i]) {
					found = true
				}
				// headers["authorization"] = "Basic " + token
				if ix, ok := l.(*ast.IndexExpr); ok && isV(ix.X) &&
					(c.credentialKey(ix.Index, credname.IsCredentialHeader) || c.credentialValue(n.Rhs[i])) {
					found = true
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if i < len(n.Values) && isV(name) && inLit(n.Values[i]) {
					found = true
				}
			}
		}
		return true
	})
	return found
}
