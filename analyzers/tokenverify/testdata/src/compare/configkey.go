package compare

import (
	"crypto/subtle"
	"net/http"
	"os"
)

// A caller's credential compared with a configured secret read through
// a config key: a typed constant whose method reads the configuration
// at run time (vikunja's config.ServiceTestingtoken.GetString()). The
// key is constant, the value it names is not.

type Key string

const (
	ServiceTestingToken Key = "service.testingtoken"
	ServiceJWTSecret    Key = "service.jwtsecret"
	ServicePublicURL    Key = "service.publicurl"
	ServiceTimezone     Key = "service.timezone"
)

var settings = map[string]string{}

func (k Key) GetString() string { return settings[string(k)] } // want GetString:"held results"

func (k Key) String() string { return string(k) } // want String:"held results"

// --- positives ---

func testingHandler(w http.ResponseWriter, r *http.Request) {
	token := r.Header.Get("Authorization")
	if token != ServiceTestingToken.GetString() { // want `Authorization header compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
}

func secretHandler(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-API-Key") == Key("service.apisecret").GetString() { // want `X-API-Key header compared with ==`
		w.WriteHeader(http.StatusOK)
		return
	}
	http.Error(w, "forbidden", http.StatusForbidden)
}

// getSetting reads a setting by key, like viper.GetString.
func getSetting(key string) string { return settings[key] }

// Only names say credential on the caller's side: a parameter of the
// checking function against a setting whose key names a secret.
func checkTestingToken(token string) bool {
	return token == ServiceTestingToken.GetString() // want `compared with ==`
}

func checkWebhookToken(token string) bool {
	return token == getSetting("hooks.webhook_token") // want `compared with ==`
}

// --- near misses ---

// silent: a name-only token against a setting that is no secret.
func checkTokenAudience(token string) bool {
	return token == ServicePublicURL.GetString()
}

// silent: the same, through a getter by key.
func checkTokenRegion(token string) bool {
	return token == getSetting("service.region")
}

// silent: constant time.
func testingHandlerCT(w http.ResponseWriter, r *http.Request) {
	token := r.Header.Get("Authorization")
	if subtle.ConstantTimeCompare([]byte(token), []byte(ServiceTestingToken.GetString())) != 1 {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
}

// silent: the configured value is checked for presence, not compared
// with the caller's.
func testingEnabled(w http.ResponseWriter, r *http.Request) {
	if ServiceTestingToken.GetString() == "" {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
}

// silent: a configured value that is no secret.
func originCheck(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Origin") != ServicePublicURL.GetString() {
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

// silent: a non-credential header against a non-credential setting.
func tzCheck(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Timezone") != ServiceTimezone.GetString() {
		http.Error(w, "bad request", http.StatusBadRequest)
	}
}

// silent: a non-credential environment variable.
func envRegion(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Region") != os.Getenv("AWS_REGION") {
		http.Error(w, "bad request", http.StatusBadRequest)
	}
}
