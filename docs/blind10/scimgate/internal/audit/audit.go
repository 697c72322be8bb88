// Package audit exports a tenant's audit log.
package audit

import (
	"context"
	"encoding/csv"
	"io"
	"time"

	"example.com/blind10/scimgate/internal/authz"
	"example.com/blind10/scimgate/internal/tenants"
)

type Exporter struct {
	events func(tid string) []tenants.AuditEvent
}

func NewExporter(events func(tid string) []tenants.AuditEvent) *Exporter {
	return &Exporter{events: events}
}

// Export writes the tenant's audit log as CSV, for callers allowed to export it.
func (e *Exporter) Export(ctx context.Context, caller *tenants.ConsoleUser, tid string, w io.Writer) error {
	if err := authz.Authorize(caller, "audit.export", tid); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"at", "actor", "action"})
	for _, ev := range e.events(tid) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		_ = cw.Write([]string{ev.At.Format(time.RFC3339), ev.Actor, ev.Action})
	}
	cw.Flush()
	return cw.Error()
}
