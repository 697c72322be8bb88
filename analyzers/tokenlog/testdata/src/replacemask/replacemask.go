// Package replacemask logs commands after taking the password out.
package replacemask

import (
	"fmt"
	"log"
	"strings"
)

type Remote struct {
	User     string
	Password string
}

// Near miss: every copy of the password replaced before the log.
func (r *Remote) Backup(db string) { // want Backup:"param 1 reaches log.Print"
	cmd := fmt.Sprintf("mysqldump -u%s -p%s %s", r.User, r.Password, db)
	log.Print(strings.ReplaceAll(cmd, r.Password, "******"))
	log.Print(strings.Replace(cmd, r.Password, "******", -1))
}

// The pattern is built around the password and does not match how the
// command quotes it: the password stays.
func Extract(path, secret string) { // want Extract:"param 0 reaches log.Print; param 1 reaches log.Print"
	cmd := fmt.Sprintf("openssl enc -d -k '%s' -in '%s'", secret, path)
	log.Print(strings.ReplaceAll(cmd, fmt.Sprintf(" %s ", secret), "******")) // want `secret in parameter secret reaches log.Print`
	log.Print(strings.ReplaceAll(cmd, " "+secret+" ", "******"))              // want `secret in parameter secret reaches log.Print`
}

// Only the first copy is replaced.
func (r *Remote) Restore(db string) { // want Restore:"param 1 reaches log.Print"
	cmd := fmt.Sprintf("mysql -u%s -p%s %s # %s", r.User, r.Password, db, r.Password)
	log.Print(strings.Replace(cmd, r.Password, "******", 1)) // want `password in field Password reaches log.Print`
}

// Another value replaced: the password stays.
func (r *Remote) Dump(db string) { // want Dump:"param 1 reaches log.Print"
	cmd := fmt.Sprintf("mysqldump -u%s -p%s %s", r.User, r.Password, db)
	log.Print(strings.ReplaceAll(cmd, r.User, "<user>")) // want `password in field Password reaches log.Print`
}
