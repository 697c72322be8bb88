package authreject

import (
	"encoding/json"
	"net/http"
)

// A login that answers 200 with an error code in its JSON body: the
// tally of failed attempts it keeps on a mismatch says the comparison
// authenticates.

type Conf struct {
	AccessAuthCode string
	Theme          string
}

var conf Conf

var WrongAuthCount int

type result struct {
	Code int    `json:"code"`
	Msg  string `json:"msg"`
}

func LoginAuth(w http.ResponseWriter, r *http.Request) {
	ret := result{}
	defer json.NewEncoder(w).Encode(&ret)
	arg := map[string]any{}
	if err := json.NewDecoder(r.Body).Decode(&arg); err != nil {
		ret.Code = -1
		return
	}
	given, _ := arg["authCode"].(string)
	if conf.AccessAuthCode != given { // want `value compared with != before rejecting the request as unauthenticated`
		ret.Code = -1
		ret.Msg = "wrong code"
		WrongAuthCount++
		return
	}
}

type limiter struct {
	failedLogins map[string]int
	requestCount int
	invalidTheme int
	themeErrors  int
}

func (l *limiter) Unlock(w http.ResponseWriter, r *http.Request) {
	pin := r.FormValue("pin")
	if pin != conf.AccessAuthCode { // want `value compared with != before rejecting the request as unauthenticated`
		l.failedLogins[r.RemoteAddr]++
		w.Write([]byte(`{"ok":false}`))
		return
	}
}

// Near misses: the counter counts something else.

func (l *limiter) Count(w http.ResponseWriter, r *http.Request) {
	pin := r.FormValue("pin")
	if pin != conf.AccessAuthCode {
		l.requestCount++
		return
	}
}

func (l *limiter) Theme(w http.ResponseWriter, r *http.Request) {
	theme := r.FormValue("theme")
	if theme != conf.Theme {
		l.invalidTheme++
		l.themeErrors++
		return
	}
}
