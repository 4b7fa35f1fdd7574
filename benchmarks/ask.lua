-- wrk script for POST /ask: rotates through request bodies, counts non-2xx responses, and
-- prints a JSON summary line (see benchmarks/wrk.py, which writes the bodies and reads it).
--
--   wrk -t1 -c16 -d15s --latency -s benchmarks/ask.lua http://127.0.0.1:8000 -- BODIES [PATH]
--
-- BODIES holds one JSON request body per line (benchmarks/wrk.py writes it from the question
-- list in benchmarks/load.py); PATH defaults to /ask.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   local path = args[2] or "/ask"
   local headers = { ["Content-Type"] = "application/json" }
   requests = {}
   for line in io.lines(args[1]) do
      if line ~= "" then
         table.insert(requests, wrk.format("POST", path, headers, line))
      end
   end
   assert(#requests > 0, "no request bodies in " .. args[1])
   next_request = 0
   non2xx = 0
end

function request()
   next_request = next_request % #requests + 1
   return requests[next_request]
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
   end
end

function done(summary, latency, requests)
   local non2xx = 0
   for _, thread in ipairs(threads) do
      non2xx = non2xx + thread:get("non2xx")
   end
   local e = summary.errors
   io.write(string.format(
      'WRK_JSON {"requests": %d, "duration_us": %d, "non2xx": %d, ' ..
      '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
      '"latency_us": {"p50": %d, "p90": %d, "p99": %d, "max": %d, "mean": %.1f}}\n',
      summary.requests, summary.duration, non2xx,
      e.connect, e.read, e.write, e.status, e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99),
      latency.max, latency.mean))
end
