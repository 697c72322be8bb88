package secrets

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/authvet/authvet/internal/finding"
)

// TestContextOfDevAndTestToolDirs: a key or certificate file in a
// development environment's directory is local-dev (traQ's
// dev/keys/ec.pem, nginx-ui's resources/development/nginx/ssl/); the
// harness of a test tool is test code (semaphore's .dredd/). Other
// files in a dev directory, dev stages of deployment trees and words
// that only start like dev are not.
func TestContextOfDevAndTestToolDirs(t *testing.T) {
	for path, want := range map[string]string{
		// Keys and certificates of a development environment.
		"dev/keys/ec.pem": ctxLocalDev, // traQ
		"resources/development/nginx/ssl/ojbk.me/private.key":   ctxLocalDev, // nginx-ui
		"resources/development/nginx/ssl/ojbk.me/fullchain.cer": ctxLocalDev,
		"devel/certs/server.crt":                                ctxLocalDev,
		"tools/develop/tls/server.key":                          ctxLocalDev,
		".dev/ssl/key.pem":                                      ctxLocalDev,
		"dev/ssh/id_ed25519":                                    ctxLocalDev,
		"Development/keystore.p12":                              ctxLocalDev,
		"deploy/prod/dev.yml":                                   ctxProduction, // a file named dev, in a deployment
		"deploy/dev/tls.key":                                    ctxProduction, // a stage of a deployment
		"k8s/overlays/dev/tls.key":                              ctxProduction,
		"environments/development/server.key":                   ctxProduction,
		"terraform/dev/ca.pem":                                  ctxProduction,
		"charts/app/dev/tls.crt":                                ctxProduction,
		"dev/config.yml":                                        ctxProduction, // configuration: judged by its values
		"dev/.env":                                              ctxProduction,
		"dev/docker-compose.yml":                                ctxProduction,
		"development/settings.json":                             ctxProduction,
		"pkg/dev/key.go":                                        ctxProduction, // code
		".env":                                                  ctxProduction,
		"devices.go":                                            ctxProduction,
		"devices/keys.pem":                                      ctxProduction,
		"device/keys.pem":                                       ctxProduction,
		"developer/keys.pem":                                    ctxProduction,
		"devops/ssl/server.key":                                 ctxProduction,
		"devtools/server.key":                                   ctxProduction,
		"certs/dev-server.key":                                  ctxLocalDev, // devHostCert, as before
		"contrib/local-dev/certs/server.key":                    ctxLocalDev, // localDevPath, as before
		"testdata/dev/server.key":                               ctxFixture,  // fixtures first
		"vendor/github.com/x/dev/key.pem":                       ctxVendored, // vendored first
		"resources/development/nginx/sites-available/default.cfg": ctxProduction,
		// Test tools' harnesses.
		".dredd/dredd.docker.yml":                 ctxTest, // semaphore
		".dredd/hooks/main.go":                    ctxTest,
		"deployment/compose/dredd/base.yml":       ctxTest,
		"dredd.yml":                               ctxTest,
		"api/dredd.local.yml":                     ctxTest,
		"playwright/.auth/user.json":              ctxTest,
		"web/.playwright/state.json":              ctxTest,
		"pacts/web-api.json":                      ctxTest,
		"wiremock/mappings/token.json":            ctxTest,
		"roles/web/molecule/default/converge.yml": ctxTest,
		".kitchen.yml":                            ctxTest,
		".kitchen/default-ubuntu.yml":             ctxTest,
		"kitchen/menu.yml":                        ctxProduction, // Test Kitchen's directory has its dot
		"kitchen.yml":                             ctxProduction,
		"bruno/collection.bru":                    ctxProduction, // an API client, used against live services
		"postman/collection.json":                 ctxProduction,
		".storybook/main.js":                      ctxProduction, // a UI workshop
		"pkg/molecules/config.go":                 ctxProduction,
		"internal/dreddful/config.go":             ctxProduction,
		"deployment/docker/ci/dredd.Dockerfile":   ctxProduction,
		"docs/dredd.md":                           ctxDocs,
	} {
		if got, _ := contextOf(path); got != want {
			t.Errorf("contextOf(%q) = %s, want %s", path, got, want)
		}
	}
	if _, why := contextOf(".dredd/hooks/main.go"); !strings.Contains(why, "Dredd") {
		t.Errorf("contextOf(.dredd/hooks/main.go): why %q, want it to name Dredd", why)
	}
}

// certKit makes keys and certificates for the tests below.
type certKit struct{ t *testing.T }

func (k certKit) key() *ecdsa.PrivateKey {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		k.t.Fatal(err)
	}
	return key
}

func (k certKit) keyPEM(key *ecdsa.PrivateKey) string {
	der, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		k.t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: der}))
}

// cert issues a certificate for key's public half, signed by parent
// (self-signed when parent is nil), naming aia as its issuer's OCSP
// responder and certificate; isCA makes a CA certificate.
func (k certKit) cert(subject pkix.Name, key *ecdsa.PrivateKey, parent *x509.Certificate, parentKey *ecdsa.PrivateKey, aia []string, isCA bool) (*x509.Certificate, string) {
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(time.Now().UnixNano()),
		Subject:               subject,
		NotBefore:             time.Date(2023, 4, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:              time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC),
		IsCA:                  isCA,
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		BasicConstraintsValid: true,
	}
	if len(aia) > 0 {
		tmpl.OCSPServer = aia[:1]
		tmpl.IssuingCertificateURL = aia[1:]
	}
	if parent == nil {
		parent, parentKey = tmpl, key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, parentKey)
	if err != nil {
		k.t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		k.t.Fatal(err)
	}
	return c, string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
}

// issued returns a key and the full chain of a certificate for it that
// the intermediate (ca, caKey, caPEM) issued with the given AIA URLs.
func (k certKit) issued(host string, ca *x509.Certificate, caKey *ecdsa.PrivateKey, caPEM string, aia []string) (keyPEM, chain string) {
	key := k.key()
	_, leaf := k.cert(pkix.Name{CommonName: host}, key, ca, caKey, aia, false)
	return k.keyPEM(key), leaf + caPEM
}

// TestDevDirKeysJudgedByWhatIsBeside: end to end, a key in a development
// environment's directory is a note (local-dev) when nothing beside it
// says otherwise: alone (a JWT key), or with the certificate a local
// development CA issued for it (Boulder's, whose OCSP and issuer URLs are
// on 127.0.0.1), or a self-signed one. It keeps its level when its
// certificate was issued by a CA that publishes on the internet (a real
// host's key kept there: nginx-ui's home.jackyu.cn), or when its dev
// directory sits beside prod/ (a deployment stage). A public certificate
// beside a key that is not its own proves nothing about the key. The
// same holds cold and warm (from the cache), and in a directory scan.
func TestDevDirKeysJudgedByWhatIsBeside(t *testing.T) {
	k := certKit{t}
	r := newRepo(t)

	// A local development CA (Boulder's "good guys" intermediate).
	localRootKey := k.key()
	localRoot, _ := k.cert(pkix.Name{Organization: []string{"good guys"}, CommonName: "CA root"}, localRootKey, nil, nil, nil, true)
	localCAKey := k.key()
	localCA, localCAPEM := k.cert(pkix.Name{Organization: []string{"good guys"}, CommonName: "CA intermediate (RSA) A"}, localCAKey, localRoot, localRootKey, nil, true)
	localAIA := []string{"http://127.0.0.1:4002/", "http://127.0.0.1:4001/aia/issuer/1"}
	// A public CA (shaped as Let's Encrypt's R3).
	pubRootKey := k.key()
	pubRoot, _ := k.cert(pkix.Name{Organization: []string{"Internet Security Research Group"}, CommonName: "ISRG Root X1"}, pubRootKey, nil, nil, nil, true)
	pubCAKey := k.key()
	pubCA, pubCAPEM := k.cert(pkix.Name{Organization: []string{"Let's Encrypt"}, CommonName: "R3"}, pubCAKey, pubRoot, pubRootKey, nil, true)
	pubAIA := []string{"http://r3.o.lencr.org", "http://r3.i.lencr.org/"}

	jwtKey := k.keyPEM(k.key())
	r.write("dev/keys/ec.pem", jwtKey)
	localKey, localChain := k.issued("ojbk.me", localCA, localCAKey, localCAPEM, localAIA)
	r.write("resources/development/nginx/ssl/ojbk.me/private.key", localKey)
	r.write("resources/development/nginx/ssl/ojbk.me/fullchain.cer", localChain)
	selfKey := k.key()
	_, selfCert := k.cert(pkix.Name{CommonName: "app.dev"}, selfKey, nil, nil, nil, false)
	r.write("resources/development/nginx/ssl/app.dev/private.key", k.keyPEM(selfKey))
	r.write("resources/development/nginx/ssl/app.dev/cert.pem", selfCert)
	realKey, realChain := k.issued("home.acme.io", pubCA, pubCAKey, pubCAPEM, pubAIA)
	r.write("resources/development/nginx/ssl/home.acme.io/private.key", realKey)
	r.write("resources/development/nginx/ssl/home.acme.io/fullchain.cer", realChain)
	otherKey := k.keyPEM(k.key())
	_, otherChain := k.issued("other.acme.io", pubCA, pubCAKey, pubCAPEM, pubAIA)
	r.write("resources/development/nginx/ssl/mixed/private.key", otherKey)
	r.write("resources/development/nginx/ssl/mixed/fullchain.cer", otherChain)
	stageKey := k.keyPEM(k.key())
	r.write("config/dev/server.key", stageKey)
	r.write("config/prod/app.yml", "replicas: 3\n")
	deployKey := k.keyPEM(k.key())
	r.write("deploy/dev/tls.key", deployKey)
	deviceKey := k.keyPEM(k.key())
	r.write("devices/tls.key", deviceKey)
	r.commit("dev environment")

	want := map[string]struct {
		level finding.Level
		ctx   string
	}{
		"dev/keys/ec.pem": {finding.LevelNote, ctxLocalDev},
		"resources/development/nginx/ssl/ojbk.me/private.key":      {finding.LevelNote, ctxLocalDev},
		"resources/development/nginx/ssl/app.dev/private.key":      {finding.LevelNote, ctxLocalDev},
		"resources/development/nginx/ssl/home.acme.io/private.key": {finding.LevelError, ctxProduction},
		"resources/development/nginx/ssl/mixed/private.key":        {finding.LevelNote, ctxLocalDev},
		"config/dev/server.key":                                    {finding.LevelError, ctxProduction},
		"deploy/dev/tls.key":                                       {finding.LevelError, ctxProduction},
		"devices/tls.key":                                          {finding.LevelError, ctxProduction},
	}
	cache := t.TempDir()
	for _, run := range []struct {
		name string
		opts Options
	}{
		{"cold", Options{Root: r.dir, CacheDir: cache}},
		{"warm", Options{Root: r.dir, CacheDir: cache}},
		{"directory", Options{Root: r.dir, Mode: Directory}},
	} {
		res := scanRepo(t, run.opts)
		for p, w := range want {
			f := findByPath(res, p)
			if f == nil {
				dumpFindings(t, res)
				t.Fatalf("%s: no finding at %s", run.name, p)
			}
			if f.Level != w.level || prop(f, "context") != w.ctx {
				t.Errorf("%s: %s: level %s, context %v (%v); want %s, %s", run.name, p, f.Level, prop(f, "context"), prop(f, "levelReason"), w.level, w.ctx)
			}
		}
		assertNoLeak(t, res, jwtKey, localKey, realKey, otherKey, stageKey, deployKey, deviceKey)
	}
}

// TestDevDirKeyInHistory: a key committed to a development directory
// and deleted since is judged by what was beside it in the commit that
// added it: a public CA's certificate then keeps it a warning, though
// the directory holds none today.
func TestDevDirKeyInHistory(t *testing.T) {
	k := certKit{t}
	r := newRepo(t)
	pubRootKey := k.key()
	pubRoot, _ := k.cert(pkix.Name{Organization: []string{"Internet Security Research Group"}, CommonName: "ISRG Root X1"}, pubRootKey, nil, nil, nil, true)
	pubCAKey := k.key()
	pubCA, pubCAPEM := k.cert(pkix.Name{Organization: []string{"Let's Encrypt"}, CommonName: "R3"}, pubCAKey, pubRoot, pubRootKey, nil, true)
	realKey, realChain := k.issued("home.acme.io", pubCA, pubCAKey, pubCAPEM, []string{"http://r3.o.lencr.org", "http://r3.i.lencr.org/"})
	devKey := k.keyPEM(k.key())
	r.write("resources/development/ssl/home.acme.io/private.key", realKey)
	r.write("resources/development/ssl/home.acme.io/fullchain.cer", realChain)
	r.write("resources/development/ssl/local/private.key", devKey)
	r.commit("dev env")
	r.git("rm", "-q", "-r", "resources/development")
	r.write("README", "moved to a devcontainer\n")
	r.commit("rm dev env")
	res := scanRepo(t, Options{Root: r.dir})
	for p, want := range map[string]finding.Level{
		"resources/development/ssl/home.acme.io/private.key": finding.LevelWarning,
		"resources/development/ssl/local/private.key":        finding.LevelNote,
	} {
		f := findByPath(res, p)
		if f == nil {
			dumpFindings(t, res)
			t.Fatalf("no finding at %s", p)
		}
		if f.Level != want {
			t.Errorf("%s: level %s (%v), want %s", p, f.Level, prop(f, "levelReason"), want)
		}
	}
	assertNoLeak(t, res, realKey, devKey)
}

// TestPublicCert: which certificates say a public CA issued them.
func TestPublicCert(t *testing.T) {
	k := certKit{t}
	caKey := k.key()
	for _, tc := range []struct {
		name   string
		issuer pkix.Name
		aia    []string
		public bool
	}{
		{"let's encrypt", pkix.Name{Organization: []string{"Let's Encrypt"}, CommonName: "R3"}, []string{"http://r3.o.lencr.org", "http://r3.i.lencr.org/"}, true},
		{"a corporate CA", pkix.Name{Organization: []string{"Acme Corp"}, CommonName: "Acme Issuing CA"}, []string{"http://pki.acme-corp.com/ocsp"}, true},
		{"boulder's development CA", pkix.Name{Organization: []string{"good guys"}, CommonName: "CA intermediate (RSA) A"}, []string{"http://127.0.0.1:4002/", "http://127.0.0.1:4001/aia/issuer/1"}, false},
		{"a compose service's name", pkix.Name{CommonName: "Dev CA"}, []string{"http://boulder:4002/"}, false},
		{"a private address", pkix.Name{CommonName: "Lab CA"}, []string{"http://10.0.0.8/ocsp"}, false},
		{"a reserved domain", pkix.Name{CommonName: "Dev CA"}, []string{"http://ca.dev.test/ocsp"}, false},
		{"no AIA", pkix.Name{Organization: []string{"Acme"}, CommonName: "Acme Root"}, nil, false},
		{"staging", pkix.Name{Organization: []string{"(STAGING) Let's Encrypt"}, CommonName: "(STAGING) Artificial Apricot R3"}, []string{"http://stg-r3.o.lencr.org", "http://stg-r3.i.lencr.org/"}, false},
		{"pebble", pkix.Name{CommonName: "Pebble Intermediate CA 2b7c1e"}, []string{"http://pebble.acme.io/ocsp"}, false},
	} {
		ca, _ := k.cert(tc.issuer, caKey, nil, nil, nil, true)
		leaf, _ := k.cert(pkix.Name{CommonName: "host.acme.io"}, k.key(), ca, caKey, tc.aia, false)
		if got := publicCert(leaf) != ""; got != tc.public {
			t.Errorf("%s: publicCert = %q, want public %v", tc.name, publicCert(leaf), tc.public)
		}
	}
	self, _ := k.cert(pkix.Name{CommonName: "self"}, caKey, nil, nil, []string{"http://r3.o.lencr.org"}, false)
	if why := publicCert(self); why != "" {
		t.Errorf("self-signed: publicCert = %q, want none", why)
	}
}

// TestLocalhostCertKey: a key outside any development directory whose
// own certificate (beside it) names only localhost (or
// host.docker.internal beside it), self-signed or by a local CA, is
// local-dev, at the tip and in history, and so is the key of mkcert's
// development CA; one whose certificate also names a real host, one
// issued by a public CA for localhost, one with no certificate beside
// it and a company's own CA key stay production.
func TestLocalhostCertKey(t *testing.T) {
	k := certKit{t}
	r := newRepo(t)
	local := k.key()
	_, localCert := k.cert(pkix.Name{CommonName: "localhost@1552676843"}, local, nil, nil, nil, false)
	mixed := k.key()
	mixedCert := k.certWithNames(mixed, "localhost", []string{"localhost", "api.example-corp.io"})
	public := k.key()
	caKey := k.key()
	ca, _ := k.cert(pkix.Name{CommonName: "R3", Organization: []string{"Let's Encrypt"}}, caKey, nil, nil, nil, true)
	_, publicCertPEM := k.cert(pkix.Name{CommonName: "localhost"}, public, ca, caKey, []string{"http://r3.o.lencr.org", "http://r3.i.lencr.org/"}, false)
	alone := k.key()
	// mkcert: a development CA, and a certificate it issued for
	// localhost and the container runtime's name of the host.
	mkcaKey := k.key()
	mkca, mkcaPEM := k.cert(pkix.Name{Organization: []string{"mkcert development CA"}, CommonName: "mkcert dev@laptop"}, mkcaKey, nil, nil, nil, true)
	docker := k.key()
	dockerCert := k.certByWithNames(docker, mkca, mkcaKey, pkix.Name{Organization: []string{"mkcert development certificate"}}, []string{"localhost", "host.docker.internal"})
	// Near misses: a CA of the company's own, and a certificate for a
	// container name that is not the host's.
	ownCAKey := k.key()
	_, ownCAPEM := k.cert(pkix.Name{Organization: []string{"Example Corp"}, CommonName: "Example Corp Root CA"}, ownCAKey, nil, nil, nil, true)
	svc := k.key()
	svcCert := k.certByWithNames(svc, mkca, mkcaKey, pkix.Name{Organization: []string{"mkcert development certificate"}}, []string{"localhost", "api.docker.internal.example-corp.io"})

	r.write("build/certs/rootCA-key.pem", k.keyPEM(mkcaKey))
	r.write("build/certs/rootCA.pem", mkcaPEM)
	r.write("build/certs/server-key.pem", k.keyPEM(docker))
	r.write("build/certs/server.pem", dockerCert)
	r.write("pki/ca/ca-key.pem", k.keyPEM(ownCAKey))
	r.write("pki/ca/ca.pem", ownCAPEM)
	r.write("deploy/svc/server-key.pem", k.keyPEM(svc))
	r.write("deploy/svc/server.pem", svcCert)
	r.write("cmd/apiserver.local.config/certificates/apiserver.key", k.keyPEM(local))
	r.write("cmd/apiserver.local.config/certificates/apiserver.crt", localCert)
	r.write("deploy/mixed/server.key", k.keyPEM(mixed))
	r.write("deploy/mixed/server.crt", mixedCert)
	r.write("deploy/public/server.key", k.keyPEM(public))
	r.write("deploy/public/server.crt", publicCertPEM)
	r.write("deploy/alone/server.key", k.keyPEM(alone))
	r.commit("keys")
	r.git("rm", "-q", "-r", "cmd/apiserver.local.config")
	r.commit("clean up")

	res := scanRepo(t, Options{Root: r.dir})
	wantContexts(t, res, map[string]string{
		"cmd/apiserver.local.config/certificates/apiserver.key": ctxLocalDev,
		"deploy/mixed/server.key":                               ctxProduction,
		"deploy/public/server.key":                              ctxProduction,
		"deploy/alone/server.key":                               ctxProduction,
		"build/certs/rootCA-key.pem":                            ctxLocalDev,
		"build/certs/server-key.pem":                            ctxLocalDev,
		"pki/ca/ca-key.pem":                                     ctxProduction,
		"deploy/svc/server-key.pem":                             ctxProduction,
	})
}

// certByWithNames issues a certificate for key with a subject and DNS
// names, signed by ca (self-signed when ca is nil).
func (k certKit) certByWithNames(key *ecdsa.PrivateKey, ca *x509.Certificate, caKey *ecdsa.PrivateKey, subject pkix.Name, dns []string) string {
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()),
		Subject:      subject,
		DNSNames:     dns,
		NotBefore:    time.Date(2023, 4, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC),
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
	if ca == nil {
		ca, caKey = tmpl, key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		k.t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
}

// certWithNames issues a self-signed certificate for key with a common
// name and DNS names.
func (k certKit) certWithNames(key *ecdsa.PrivateKey, cn string, dns []string) string {
	return k.certByWithNames(key, nil, nil, pkix.Name{CommonName: cn}, dns)
}

// TestTestCAKey: a key whose certificate beside it a CA named for tests
// issued (notary's database key, "Test Notary CA", for its Compose
// services) is test, at the tip and in history; one issued by a CA
// whose name only contains the letters (an attestation CA) stays
// production.
func TestTestCAKey(t *testing.T) {
	k := certKit{t}
	r := newRepo(t)
	caKey := k.key()
	ca, caPEM := k.cert(pkix.Name{CommonName: "Test Notary CA"}, caKey, nil, nil, nil, true)
	db := k.key()
	dbCert := k.certByWithNames(db, ca, caKey, pkix.Name{CommonName: "database"}, []string{"postgresql", "mysql"})
	attKey := k.key()
	att, _ := k.cert(pkix.Name{CommonName: "Attestation Services CA", Organization: []string{"Contest Corp"}}, attKey, nil, nil, nil, true)
	svc := k.key()
	svcCert := k.certByWithNames(svc, att, attKey, pkix.Name{CommonName: "database"}, []string{"postgresql"})
	r.write("sql/initdb.d/root.crt", caPEM)
	r.write("sql/initdb.d/server.key", k.keyPEM(db))
	r.write("sql/initdb.d/server.crt", dbCert)
	r.write("deploy/db/server.key", k.keyPEM(svc))
	r.write("deploy/db/server.crt", svcCert)
	r.commit("keys")

	res := scanRepo(t, Options{Root: r.dir})
	wantContexts(t, res, map[string]string{
		"sql/initdb.d/server.key": ctxTest,
		"deploy/db/server.key":    ctxProduction,
	})
}

// wantContexts checks the context of the finding at each path.
func wantContexts(t *testing.T, res *Result, want map[string]string) {
	t.Helper()
	for p, ctx := range want {
		f := findByPath(res, p)
		if f == nil {
			dumpFindings(t, res)
			t.Fatalf("no finding for %s", p)
		}
		if got := prop(f, "context"); got != ctx {
			t.Errorf("%s: context %v (%s), want %s", p, got, f.Message, ctx)
		}
	}
}
