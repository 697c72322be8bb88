// Package prefixid: the fixed-length start of a presented value
// compared with a stored one is the public identifier a credential
// carries in front of its secret (a Yubico OTP's 12-character device
// id, an API key's prefix), used to pick what to verify next. The
// secret part after it, a slice whose end depends on another value,
// and the whole value are still compared credentials.
package prefixid

import "net/http"

type User struct {
	Yubikey   string
	KeyPrefix string
	Password  string
	APIToken  string
}

func verifyOTP(otp string) bool { return len(otp) == 44 }

// Near misses.

var users = map[string]*User{}

type Helper struct{}

func (Helper) findUser(dn string) (*User, bool) {
	u, ok := users[dn]
	return u, ok
}

// Bind takes the Yubico OTP off the end of the password and picks the
// device by its public id before the OTP is verified (glauth).
func (l Helper) Bind(bindDN, bindSimplePw string) int {
	user, ok := l.findUser(bindDN)
	if !ok {
		return 49
	}
	validotp := false
	if len(user.Yubikey) > 0 {
		if len(bindSimplePw) > 44 {
			otp := bindSimplePw[len(bindSimplePw)-44:]
			yubikeyid := otp[0:12]
			bindSimplePw = bindSimplePw[:len(bindSimplePw)-44]
			if user.Yubikey == yubikeyid {
				if verifyOTP(otp) {
					validotp = true
				}
			}
		}
	}
	if !validotp {
		return 49
	}
	return 0
}

// BindInline compares the device id inline, the OTP leading the
// password.
func (l Helper) BindInline(bindDN, bindSimplePw string) int {
	user, ok := l.findUser(bindDN)
	if !ok || len(bindSimplePw) < 44 {
		return 49
	}
	if bindSimplePw[:12] != user.Yubikey {
		return 49
	}
	if !verifyOTP(bindSimplePw[:44]) {
		return 49
	}
	return 0
}

// BindBytes takes the device id through a conversion.
func (l Helper) BindBytes(bindDN string, bindPassword []byte) int {
	user, ok := l.findUser(bindDN)
	if !ok || len(bindPassword) < 44 {
		return 49
	}
	id := string(bindPassword[0:12])
	if id != user.Yubikey {
		return 49
	}
	if !verifyOTP(string(bindPassword[:44])) {
		return 49
	}
	return 0
}

// Positives.

// Login compares the whole password.
func Login(user *User, bindSimplePw string) bool {
	return bindSimplePw == user.Password // want `compared with ==`
}

// CheckSecret compares the secret after the prefix.
func CheckSecret(user *User, r *http.Request) bool {
	apiKey := r.Header.Get("X-API-Key")
	if len(apiKey) < 8 {
		return false
	}
	return apiKey[8:] == user.APIToken // want `compared with ==`
}

// CheckLength compares a slice as long as the stored token.
func CheckLength(user *User, r *http.Request) bool {
	tok := r.Header.Get("Authorization")
	if len(tok) < len(user.APIToken) {
		return false
	}
	return tok[:len(user.APIToken)] == user.APIToken // want `compared with ==`
}
