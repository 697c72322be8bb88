package settercmp

// settercmp compares a password setting with a new value to decide
// whether to store it again through a setter: a change detected, not a
// login. Near misses: the same compare followed by a call that is no
// setter of the compared record, or a setter given another value.

import (
	"encoding/json"
	"errors"
	"net/http"

	"settercfg"
)

var current settercfg.GUI

// Positive (silent): syncthing's postAdjustGui: the new configuration,
// decoded from the request, re-hashes its own password when it changed.
func postAdjust(from, to *settercfg.GUI) error {
	if to.Password != from.Password {
		if err := to.SetPassword(to.Password); err != nil {
			return err
		}
	}
	return nil
}

func Adjust(w http.ResponseWriter, r *http.Request) {
	to := current
	if err := json.NewDecoder(r.Body).Decode(&to); err != nil {
		return
	}
	if err := postAdjust(&current, &to); err != nil {
		http.Error(w, "bad", http.StatusBadRequest)
		return
	}
	current = to
}

// Positive (silent): syncthing's generate: the operator's new password,
// set through the setter when it differs from the stored one.
func UpdateAuth(cfg *settercfg.GUI, user, password string) error {
	if password != "" && cfg.Password != password {
		if err := cfg.SetPassword(password); err != nil {
			return errors.New("set password")
		}
	}
	return nil
}

type account struct {
	Name     string
	Password string
}

// rotate is a method of this package whose body stores the field.
func (a *account) rotate(s string) error { a.Password = s; return nil }

// Positive (silent): a same-package method, named for what it does, that
// writes the compared field.
func Rotate(a *account, password string) error {
	if a.Password != password {
		if err := a.rotate(password); err != nil {
			return err
		}
	}
	return nil
}

// Positive (silent): a same-package setter, the stored side passed back.
func (a *account) StorePassword(s string) error { a.Password = s; return nil }

func Refresh(a *account, password string) error {
	if password != a.Password {
		if err := a.StorePassword(password); err != nil {
			return err
		}
	}
	return nil
}

// Near miss: the setter of another record.
func Copy(cfg, other *settercfg.GUI, password string) error {
	if cfg.Password != password { // want `password in field Password compared with !=`
		if err := other.SetPassword(password); err != nil {
			return err
		}
	}
	return nil
}

// Near miss: a method that stores nothing.
func Check(cfg *settercfg.GUI, password string) error {
	if cfg.Password != password { // want `password in field Password compared with !=`
		if err := cfg.Audit(password); err != nil {
			return err
		}
	}
	return nil
}

// Near miss: the setter given another value.
func Reset(cfg *settercfg.GUI, password string) error {
	if cfg.Password != password { // want `password in field Password compared with !=`
		if err := cfg.SetPassword("changeme"); err != nil {
			return err
		}
	}
	return nil
}

// Near miss: a same-package method that does not write the field.
func (a *account) touch(s string) error { a.Name = s; return nil }

func Touch(a *account, password string) error {
	if a.Password != password { // want `password in field Password compared with !=`
		if err := a.touch(password); err != nil {
			return err
		}
	}
	return nil
}

// Near miss: a login that sets the password only after the check passed.
func Login(cfg *settercfg.GUI, password string) error {
	if cfg.Password != password { // want `password in field Password compared with !=`
		return errors.New("unauthorized")
	}
	return cfg.SetPassword(password)
}

// ftpClient manages the accounts of an FTP server.
type ftpClient struct{}

func (ftpClient) SetPasswd(user, pw string) error { return nil }
func (ftpClient) SetStatus(user, s string) error  { return nil }

type ftpAccount struct {
	User     string
	Password string
}

type ftpUpdate struct {
	ID       int
	Password string
}

var ftpAccounts = map[int]*ftpAccount{}

func decrypt(s string) string { return s }

// Positive (silent): 1Panel's FTP edit form compares the submitted
// password with the stored one and sets it on the server when it
// changed.
func UpdateFTP(w http.ResponseWriter, r *http.Request) {
	var req ftpUpdate
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	item := ftpAccounts[req.ID]
	var client ftpClient
	pass := decrypt(item.Password)
	if req.Password != pass {
		if err := client.SetPasswd(item.User, req.Password); err != nil {
			return
		}
		item.Password = req.Password
	}
}

// Near miss: the branch turns the caller away; the compare guards
// what follows.
func EnableFTP(w http.ResponseWriter, r *http.Request) {
	var req ftpUpdate
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	item := ftpAccounts[req.ID]
	var client ftpClient
	pass := decrypt(item.Password)
	if req.Password != pass { // want `compared with !=`
		http.Error(w, "denied", http.StatusForbidden)
		return
	}
	client.SetStatus(item.User, "on")
}
