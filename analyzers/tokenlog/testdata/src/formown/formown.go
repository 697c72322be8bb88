package formown

// formown reads credential fields from the forms of the requests it
// serves (an SSH password, a login password) and logs the parsed form
// whole: the log holds the password whenever a client posts it.

import (
	"log"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/sirupsen/logrus"
)

type sshInfo struct {
	Host, User, Password string
}

func parseSSH(c *gin.Context) sshInfo {
	return sshInfo{
		Host:     c.Request.FormValue("ssh_host"),
		User:     c.Request.FormValue("ssh_user"),
		Password: c.Request.FormValue("ssh_password"),
	}
}

func login(r *http.Request) string { return r.PostFormValue("password") }

// Positive: pgweb's request logger, the form in a logrus field map under
// a debug switch.
func Logger(logger *logrus.Logger, debug bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Next()
		fields := logrus.Fields{"path": c.Request.URL.Path} // silent: the path
		if debug {
			if c.Request.Method != http.MethodGet {
				fields["raw_form"] = c.Request.Form
			}
		}
		logger.WithFields(fields).Info("http_request") // want `request form with the "ssh_password" field \(read in this package\) reaches`
	}
}

func Handle(w http.ResponseWriter, r *http.Request) {
	_ = login(r)
	log.Printf("form %v", r.PostForm)                // want `request form with the "ssh_password" field \(read in this package\) reaches log.Printf`
	slog.Info("posted", "form", r.Form)              // want `request form with the "ssh_password" field \(read in this package\) reaches slog.Info`
	log.Printf("page %s", r.Form.Get("page"))        // silent: another field
	log.Printf("fields %d", len(r.PostForm))         // silent: a count
	log.Printf("method %s %s", r.Method, r.URL.Path) // silent
}
