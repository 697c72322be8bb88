// Package i18nuse: translation and message-catalogue calls return a
// string and write nothing, so they are not sinks; their result is
// judged where it goes. One that also returns an error made from its
// arguments hands that error to its caller: a note, as for any error.
package i18nuse

import (
	"errors"
	"fmt"
	"log"
	"net/http"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/message"
)

var catalog = map[string]string{}

var lastMissing error

// T is a gettext-style lookup: a missing message is remembered, not
// written.
func T(key string, args ...any) string { // want T:`param 0 flows to result 0; param 1 flows to result 0`
	msg, ok := catalog[key]
	if !ok {
		lastMissing = fmt.Errorf("i18n: no message %q for %v", key, args)
		msg = key
	}
	return fmt.Sprintf(msg, args...)
}

// Translate returns the error of a failed lookup beside the fallback.
func Translate(lang, key string, args ...any) (string, error) { // want Translate:`param 1 reaches errors.New \(own sink\); param 2 reaches errors.New; param 2 flows to result 0`
	msg, ok := catalog[lang+"/"+key]
	if !ok {
		return fmt.Sprint(args...), errors.New("i18n: no message " + key + " for " + fmt.Sprint(args...))
	}
	return fmt.Sprintf(msg, args...), nil
}

// tr logs a missing message with its arguments: it writes, so it is a
// sink whatever its name.
func tr(key string, args ...any) string {
	msg, ok := catalog[key]
	if !ok {
		log.Printf("i18n: missing %q %v", key, args)
		msg = key
	}
	return fmt.Sprintf(msg, args...)
}

func handler(w http.ResponseWriter, r *http.Request, loc *i18n.Localizer, p *message.Printer) {
	tok := r.Header.Get("X-Auth-Token")

	// Near misses: translated text for the client, no log.
	w.Write([]byte(T("token %s expired", tok)))                                                // silent: T writes nothing
	fmt.Fprint(w, p.Sprintf("token %s expired", tok))                                          // silent: Printer.Sprintf writes nothing
	p.Fprintf(w, "token %s expired", tok)                                                      // silent: to the response
	s := loc.MustLocalize(&i18n.LocalizeConfig{MessageID: "token_expired", TemplateData: tok}) // silent: MustLocalize writes nothing
	http.Error(w, s, http.StatusUnauthorized)
	w.Write([]byte(T("password_reset_for %s", r.FormValue("password"))))         // silent
	log.Print(T("token expired"))                                                // silent: a label
	log.Print(p.Sprintf("token expired for user %s", r.URL.Query().Get("user"))) // silent: no credential
	log.Print(loc.MustLocalize(&i18n.LocalizeConfig{MessageID: "password_reset_sent"}))

	// The result of a translation is judged where it goes.
	log.Print(p.Sprintf("token %s expired", tok))                    // want `token from the X-Auth-Token header reaches log.Print`
	log.Print(T("token %s", tok))                                    // want `token from the X-Auth-Token header reaches log.Print`
	if _, err := Translate("en", "token_expired", tok); err != nil { // want `token from the X-Auth-Token header is put in an error message by errors.New via Translate`
		log.Println(err) // want `token from the X-Auth-Token header put in an error by errors.New in Translate reaches log.Println`
	}

	// Calls that write are sinks.
	p.Printf("token %s", tok) // want `reaches fmt.Print via message.Printer.Printf`
	tr("welcome %s", tok)     // want `reaches log.Printf via tr`
}
