package hardcodedcred

import (
	"go/types"
	"strings"
)

// This file is the built-in knowledge of credential sinks in the standard
// library and in well-known third-party modules. Sinks are matched by the
// types.Object of the field or function (package path, type and name), so
// the third-party packages need not be analyzed, and a user's own
// ClientSecret field is not mistaken for oauth2's.

// fieldSinks maps "pkgpath.Type.Field" to what the field holds.
var fieldSinks = map[string]string{
	"golang.org/x/oauth2.Config.ClientSecret":                         "client secret of oauth2.Config",
	"golang.org/x/oauth2/clientcredentials.Config.ClientSecret":       "client secret of clientcredentials.Config",
	"golang.org/x/oauth2.Token.AccessToken":                           "access token of oauth2.Token",
	"golang.org/x/oauth2.Token.RefreshToken":                          "refresh token of oauth2.Token",
	"github.com/go-sql-driver/mysql.Config.Passwd":                    "password of mysql.Config",
	"github.com/redis/go-redis.Options.Password":                      "password of redis.Options",
	"github.com/go-redis/redis.Options.Password":                      "password of redis.Options",
	"github.com/aws/aws-sdk-go-v2/aws.Credentials.SecretAccessKey":    "secret access key of aws.Credentials",
	"github.com/labstack/echo-jwt.Config.SigningKey":                  "JWT signing key of echojwt.Config",
	"github.com/labstack/echo/middleware.JWTConfig.SigningKey":        "JWT signing key of middleware.JWTConfig",
	"github.com/appleboy/gin-jwt.GinJWTMiddleware.Key":                "JWT signing key of jwt.GinJWTMiddleware",
	"github.com/jackc/pgx/pgconn.Config.Password":                     "password of pgconn.Config",
	"go.mongodb.org/mongo-driver/mongo/options.Credential.Password":   "password of options.Credential",
	"github.com/elastic/go-elasticsearch.Config.Password":             "password of elasticsearch.Config",
	"github.com/elastic/go-elasticsearch.Config.APIKey":               "API key of elasticsearch.Config",
	"github.com/go-ldap/ldap.SimpleBindRequest.Password":              "password of ldap.SimpleBindRequest",
	"github.com/minio/minio-go/pkg/credentials.Value.SecretAccessKey": "secret access key of credentials.Value",
}

// callSink describes the credential argument of a function or method.
type callSink struct {
	arg  int    // index of the credential argument
	what string // what the argument is, for messages
	// label marks APIs also fed public domain-separation labels
	// (hmac.New(sha256.New, []byte("Bitcoin seed"))): values with spaces
	// are such labels, not keys.
	label bool
	// ident is 1 + the index of the identity argument the credential
	// belongs to (the access key id, the user name), 0 if none: a secret
	// equal to its own identity is a stand-in or a default (sameAsIdent).
	ident int
}

// Package paths in these tables are written without their major-version
// segment ("/v5"): normPath removes it before the lookup, so that every
// major version of a module matches one entry.

// callSinks maps "pkgpath.Func" or "pkgpath.(Recv).Method" to its
// credential argument. Methods on pointer receivers use the base type.
var callSinks = map[string]callSink{
	"net/http.(Request).SetBasicAuth":  {arg: 1, ident: 1, what: "password passed to (*http.Request).SetBasicAuth"},
	"net/url.UserPassword":             {arg: 1, ident: 1, what: "password passed to url.UserPassword"},
	"net/smtp.PlainAuth":               {arg: 2, ident: 2, what: "password passed to smtp.PlainAuth"},
	"net/smtp.CRAMMD5Auth":             {arg: 1, what: "secret passed to smtp.CRAMMD5Auth"},
	"golang.org/x/crypto/ssh.Password": {arg: 0, what: "password passed to ssh.Password"},
	"github.com/aws/aws-sdk-go/aws/credentials.NewStaticCredentials":             {arg: 1, ident: 1, what: "AWS secret key passed to credentials.NewStaticCredentials"},
	"github.com/aws/aws-sdk-go-v2/credentials.NewStaticCredentialsProvider":      {arg: 1, ident: 1, what: "AWS secret key passed to credentials.NewStaticCredentialsProvider"},
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity.NewClientSecretCredential": {arg: 2, what: "client secret passed to azidentity.NewClientSecretCredential"},
	"google.golang.org/api/option.WithAPIKey":                                    {arg: 0, what: "API key passed to option.WithAPIKey"},
	"github.com/slack-go/slack.New":                                              {arg: 0, what: "token passed to slack.New"},
	"github.com/sashabaranov/go-openai.NewClient":                                {arg: 0, what: "API key passed to openai.NewClient"},
	"crypto/hmac.New":                                           {arg: 1, what: "HMAC key passed to hmac.New", label: true},
	"crypto/aes.NewCipher":                                      {arg: 0, what: "encryption key passed to aes.NewCipher"},
	"golang.org/x/crypto/chacha20poly1305.New":                  {arg: 0, what: "encryption key passed to chacha20poly1305.New"},
	"github.com/go-chi/jwtauth.New":                             {arg: 1, what: "JWT key passed to jwtauth.New"},
	"github.com/labstack/echo-jwt.JWT":                          {arg: 0, what: "JWT key passed to echojwt.JWT"},
	"github.com/labstack/echo/middleware.JWT":                   {arg: 0, what: "JWT key passed to middleware.JWT"},
	"github.com/gorilla/sessions.NewCookieStore":                {arg: 0, what: "session key passed to sessions.NewCookieStore"},
	"github.com/gorilla/sessions.NewFilesystemStore":            {arg: 1, what: "session key passed to sessions.NewFilesystemStore"},
	"github.com/gorilla/securecookie.New":                       {arg: 0, what: "hash key passed to securecookie.New"},
	"github.com/gorilla/csrf.Protect":                           {arg: 0, what: "CSRF key passed to csrf.Protect"},
	"github.com/gin-contrib/sessions/cookie.NewStore":           {arg: 0, what: "session key passed to cookie.NewStore"},
	"github.com/google/go-github/github.(Client).WithAuthToken": {arg: 0, what: "token passed to (*github.Client).WithAuthToken"},
}

// funcKey names fn as the sink tables do.
func funcKey(fn *types.Func) (pkg, recv, key string) {
	if fn.Pkg() == nil {
		return "", "", ""
	}
	pkg = normPath(fn.Pkg().Path())
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		recv = typeName(sig.Recv().Type())
		return pkg, recv, pkg + ".(" + recv + ")." + fn.Name()
	}
	return pkg, "", pkg + "." + fn.Name()
}

// typeName returns the name of t's named type, through pointers and
// aliases, or "".
func typeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// namedKey returns "pkgpath.Type" for t's named type, or "".
func namedKey(t types.Type) string {
	if t == nil {
		return ""
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return normPath(n.Obj().Pkg().Path()) + "." + n.Obj().Name()
}

// normPath drops major-version segments ("/v2" … "/v99") from an import
// path: "github.com/redis/go-redis/v9" → "github.com/redis/go-redis".
func normPath(p string) string {
	if !strings.Contains(p, "/v") {
		return p
	}
	parts := strings.Split(p, "/")
	out := parts[:0]
	for i, s := range parts {
		if i > 0 && len(s) >= 2 && s[0] == 'v' && strings.Trim(s[1:], "0123456789") == "" {
			continue
		}
		out = append(out, s)
	}
	return strings.Join(out, "/")
}
