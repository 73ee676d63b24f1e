module github.com/stigmer/stigmer-e2e/go

go 1.19
