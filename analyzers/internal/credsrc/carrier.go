package credsrc

import (
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// Carrier describes a struct that exposes a credential when printed
// whole with %v, %+v, slog.Any, zap.Any or logrus.WithField.
type Carrier struct {
	// Type is the struct's type as written in messages ("oauth2.Token").
	Type string
	// Field is the path of the credential field ("AccessToken",
	// "DB.Password").
	Field string
	// Source describes the field's credential.
	Source Source
}

// hidingMethods are the methods through which fmt, slog, zap, zerolog
// and logrus print a value instead of its fields. A type that has one is
// assumed to control what it shows: the contract is that a type
// with a redacting String or LogValue is a sanitizer.
var hidingMethods = []string{"String", "GoString", "Format", "LogValue", "MarshalLogObject", "MarshalZerologObject", "Error", "MarshalText", "MarshalJSON"}

// HidingMethods returns the methods Hides looks for, in the order fmt,
// slog, zap and zerolog prefer them over a type's fields.
func HidingMethods() []string { return append([]string(nil), hidingMethods...) }

// Hides reports whether values of type t are printed through a method
// of their own (String, GoString, Format, LogValue, Error, zap's
// MarshalLogObject, zerolog's MarshalZerologObject, MarshalText,
// MarshalJSON) rather than field by field. Library types known to print
// their secret through such a method (http.Cookie's String) do not hide.
func Hides(t types.Type) bool {
	if t == nil {
		return false
	}
	if leaksThroughMethod(t) {
		return false
	}
	// The method set of t is what fmt sees in an interface holding t: a
	// pointer has the pointer methods too, a value only its value methods.
	ms := types.NewMethodSet(t)
	for _, m := range hidingMethods {
		if sel := ms.Lookup(nil, m); sel != nil {
			return true
		}
	}
	return false
}

// fieldMethods are the methods fmt calls on a field of a struct it
// prints whole (%v, %+v, %#v), in place of the field's value.
var fieldMethods = []string{"Format", "GoString", "Error", "String"}

// HidesFromFmt reports whether fmt prints values of type t through a
// method of their own (Format, GoString, Error, String) rather than
// field by field. fmt ignores LogValue, MarshalText, MarshalJSON and the
// marshalers of zap and zerolog: a type that hides only through those
// prints its fields under log.Printf("%+v").
func HidesFromFmt(t types.Type) bool {
	if t == nil || leaksThroughMethod(t) {
		return false
	}
	ms := types.NewMethodSet(t)
	for _, m := range fieldMethods {
		if ms.Lookup(nil, m) != nil {
			return true
		}
	}
	return false
}

// FieldPrintsItself reports whether fmt prints field f of a struct
// printed whole through a method of the field's type (Format, GoString,
// Error or String) rather than as its value: the field is exported (fmt
// cannot call the methods of an unexported field, and prints its value)
// and the method is in the value method set of its type (fmt holds a
// copy of the field). LogValue and zap's or zerolog's marshalers are
// called on the value handed to the logger only, never on its fields,
// and do not count. Library types that print their secret through such a
// method (see leaksThroughMethod) do not count either.
func FieldPrintsItself(f *types.Var) bool {
	if !f.Exported() || leaksThroughMethod(f.Type()) {
		return false
	}
	ms := types.NewMethodSet(f.Type())
	for _, m := range fieldMethods {
		if ms.Lookup(nil, m) != nil {
			return true
		}
	}
	return false
}

// leaksThroughMethod lists library types whose String method prints the
// credential they hold: http.Cookie (the whole Set-Cookie line) and the
// log attributes of log/slog, whose String shows the attribute's value.
func leaksThroughMethod(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "net/http.Cookie", "log/slog.Attr", "log/slog.Value":
		return true
	}
	return false
}

// CarrierOf reports whether t (a struct or a pointer to one) carries a
// credential field that printing the whole value would show: a field
// recognised by FromField (by type first, by name for string-like
// fields), found directly or in a nested struct value, and no hiding
// method (see Hides) on the way. Pointer-typed fields below the top
// level are not followed, since fmt prints them as addresses.
func CarrierOf(t types.Type) (Carrier, bool) { return CarrierExcept(t, nil) }

// CarrierExcept is CarrierOf leaving out the fields in plain: those a
// package shows hold no credential (see Holders).
func CarrierExcept(t types.Type, plain map[types.Object]string) (Carrier, bool) {
	return CarrierHiding(t, plain, FieldPrintsItself)
}

// CarrierHiding is CarrierExcept with printsItself deciding which fields
// print through a method of their own type that hides their value (nil:
// none). An analyzer that judges String methods by their bodies passes
// FieldPrintsItself narrowed to the methods that hide.
func CarrierHiding(t types.Type, plain map[types.Object]string, printsItself func(*types.Var) bool) (Carrier, bool) {
	return CarrierFor(t, plain, Hides, printsItself)
}

// CarrierFor is CarrierHiding for a printer whose own methods hides
// reports (Hides for any printer, HidesFromFmt for fmt).
func CarrierFor(t types.Type, plain map[types.Object]string, hides func(types.Type) bool, printsItself func(*types.Var) bool) (Carrier, bool) {
	if t == nil || hides(t) {
		return Carrier{}, false
	}
	top := t
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
		if hides(t) {
			return Carrier{}, false
		}
	}
	// A slice, array or map is printed element by element: its
	// elements' credential fields are printed too (elems.go).
	t, ok := StructElem(t, hides)
	if !ok {
		return Carrier{}, false
	}
	if _, ok := t.Underlying().(*types.Struct); !ok {
		return Carrier{}, false
	}
	field, src, ok := carrierField(t, 0, map[types.Type]bool{}, plain, printsItself)
	if !ok {
		return Carrier{}, false
	}
	return Carrier{Type: typeString(top), Field: field, Source: src}, true
}

// CarrierDepth is how deep a carrier's credential field is looked for in
// nested structs: a whole configuration's Tap.Snapshots.Cloud.S3.SecretKey
// (kubeshark's config printed at debug) sits five levels down.
const CarrierDepth = 5

func carrierField(t types.Type, depth int, seen map[types.Type]bool, plain map[types.Object]string, printsItself func(*types.Var) bool) (string, Source, bool) {
	if depth > CarrierDepth || seen[t] {
		return "", Source{}, false
	}
	seen[t] = true
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkgHTTP && n.Obj().Name() != requestTypeName {
		// net/http's other structs (Response, Server, Client, Transport)
		// hold headers or configuration but are printed for debugging
		// all the time; only the request's header is a credential.
		return "", Source{}, false
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return "", Source{}, false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if _, skip := plain[f]; skip {
			continue
		}
		if printsItself != nil && printsItself(f) {
			continue // a type of its own prints the field (Secret with a redacting String)
		}
		if secretLocator(st, f) {
			continue // DBSecretKey beside DBSecretName: where a value sits in a Secret
		}
		if src, ok := FromField(f); ok {
			return f.Name(), src, true
		}
		if src, ok := credTypeValue(t, f); ok {
			return f.Name(), src, true
		}
		ft := f.Type()
		if _, isStruct := ft.Underlying().(*types.Struct); isStruct && !Hides(ft) && !CiphertextType(ft) {
			if sub, src, ok := carrierField(ft, depth+1, seen, plain, printsItself); ok {
				return f.Name() + "." + sub, src, true
			}
		}
	}
	return "", Source{}, false
}

// secretLocator reports whether field f of st is the key under which a
// value sits in a Kubernetes Secret that another field names: XSecretKey
// beside XSecretName (kubeapps' DBSecretName and DBSecretKey, the
// "postgres-password" entry of the Secret "db"). The pair locates the
// credential; neither holds it.
func secretLocator(st *types.Struct, f *types.Var) bool {
	n := f.Name()
	for _, p := range [][2]string{{"SecretKey", "SecretName"}, {"_secret_key", "_secret_name"}} {
		prefix, ok := strings.CutSuffix(n, p[0])
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i).Name() == prefix+p[1] {
				return true
			}
		}
	}
	return false
}

// typeString writes t qualified by package name only ("*oauth2.Token").
func typeString(t types.Type) string {
	// An anonymous struct (a program's options, var opts struct{…})
	// would spell all its fields and tags: it is named by its kind.
	u := types.Unalias(t)
	if p, ok := u.(*types.Pointer); ok {
		if _, anon := types.Unalias(p.Elem()).(*types.Struct); anon {
			return "*struct{…}"
		}
	}
	if _, anon := u.(*types.Struct); anon {
		return "struct{…}"
	}
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// TypeString writes t qualified by package name only, as messages spell
// types ("*oauth2.Token").
func TypeString(t types.Type) string { return typeString(t) }

// QualifiedName spells a function or method for messages:
// "log.Printf", "zap.Logger.Info", "util.debugf".
func QualifiedName(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	var b strings.Builder
	if fn.Pkg() != nil {
		b.WriteString(fn.Pkg().Name())
		b.WriteByte('.')
	}
	if r := recvTypeName(fn); r != "" {
		b.WriteString(r)
		b.WriteByte('.')
	}
	b.WriteString(fn.Name())
	return b.String()
}

// CiphertextType reports whether t (or what it points to) is a named
// struct whose name says it holds ciphertext: EncryptedCredentials,
// EncryptedPassportElement (Telegram Passport data, encrypted with the
// bot's public key). Its Secret, Data and Hash fields are encrypted
// bytes and their digests, whatever they are called; a carrier search
// does not look inside it.
func CiphertextType(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return false
	}
	w := credname.Words(n.Obj().Name())
	return len(w) > 1 && w[0] == "encrypted"
}
