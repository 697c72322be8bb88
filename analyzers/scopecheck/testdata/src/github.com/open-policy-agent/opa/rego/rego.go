// Package rego is a stub of github.com/open-policy-agent/opa/rego for tests.
package rego

import "context"

type Rego struct{}

type PreparedEvalQuery struct{}

type ResultSet []struct{ Expressions []interface{} }

type EvalOption func()

func EvalInput(input interface{}) EvalOption { return nil }

func New(options ...func(r *Rego)) *Rego { return &Rego{} }

func Query(q string) func(r *Rego) { return nil }

func (r *Rego) PrepareForEval(ctx context.Context) (PreparedEvalQuery, error) {
	return PreparedEvalQuery{}, nil
}

func (pq PreparedEvalQuery) Eval(ctx context.Context, options ...EvalOption) (ResultSet, error) {
	return nil, nil
}
