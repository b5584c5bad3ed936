module github.com/slant-news/slant

go 1.26.8

require (
	github.com/cdipaolo/goml v0.0.0-20220715001353-00e0c845ae1c
	github.com/cdipaolo/sentiment v0.0.0-20200617002423-c697f64e7f10
	github.com/go-echarts/go-echarts/v2 v2.6.7
	github.com/gocarina/gocsv v0.0.0-20240520201108-78e41c74b4b1
	github.com/jdkato/prose/v3 v3.2.3
	github.com/rogpeppe/go-internal v1.16.0
	gopkg.in/neurosnap/sentences.v1 v1.0.6
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/kr/text v0.2.0 // indirect
	golang.org/x/sys v0.26.0 // indirect
	golang.org/x/text v0.3.6 // indirect
	golang.org/x/tools v0.26.0 // indirect
)
