// The current time in the repositories' one SQL dialect: an ISO-8601 UTC
// text with milliseconds (PostgreSQL's schema defines the same strftime).
// Thread-safe: a constant.
#pragma once

#define KAKARI_NOW "(strftime('%Y-%m-%dT%H:%M:%fZ','now'))"
