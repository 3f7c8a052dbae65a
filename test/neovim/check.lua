-- Runs in `nvim --headless` after the README's recipe (run.sh passes it as init.lua), in a copy of the
-- demo. Opens src/server/emails.ts, waits with a deadline for FlagLens's diagnostics, edits the typo
-- away and waits for the new ones, asks for a hover, and exits 0 only when each says what it should.

local TIMEOUT_MS = 60000
local failures = {}

local function log(message)
  io.stderr:write(message .. '\n')
end

local function expect(condition, message)
  if not condition then table.insert(failures, message) end
  return condition
end

-- Poll until `probe` returns true, up to the deadline; Neovim keeps handling LSP messages meanwhile.
local function wait_for(what, probe)
  local ok = vim.wait(TIMEOUT_MS, probe, 50)
  if not ok then error('timed out after ' .. TIMEOUT_MS .. ' ms waiting for ' .. what, 0) end
end

-- The 0-based line and byte column of the first occurrence of `text` in the buffer.
local function find(buf, text)
  for index, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local column = line:find(text, 1, true)
    if column then return index - 1, column - 1 end
  end
  error('"' .. text .. '" is not in the buffer', 0)
end

local function flaglens_diagnostics(buf)
  return vim.tbl_filter(function(diagnostic) return diagnostic.source == 'flaglens' end, vim.diagnostic.get(buf))
end

-- "code@line:col" for each diagnostic, in the buffer's order.
local function describe(diagnostics)
  table.sort(diagnostics, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return table.concat(vim.tbl_map(function(d) return d.code .. '@' .. d.lnum .. ':' .. d.col end, diagnostics), ' ')
end

local function run()
  vim.lsp.set_log_level('info')
  vim.cmd('edit src/server/emails.ts')
  local buf = vim.api.nvim_get_current_buf()
  expect(vim.bo[buf].filetype == 'typescript', 'filetype is typescript, got ' .. vim.bo[buf].filetype)

  -- Published on open: the misspelt key and the flag that is off everywhere.
  wait_for('two FlagLens diagnostics on emails.ts', function() return #flaglens_diagnostics(buf) >= 2 end)
  local typo_line, typo_col = find(buf, "'new-chekout'")
  local promo_line, promo_col = find(buf, "'holiday-promo'")
  local expected = 'unknown-flag@' .. typo_line .. ':' .. typo_col .. ' dead-flag@' .. promo_line .. ':' .. promo_col
  expect(describe(flaglens_diagnostics(buf)) == expected, 'diagnostics on open: expected ' .. expected .. ', got ' .. describe(flaglens_diagnostics(buf)))
  local unknown = vim.tbl_filter(function(d) return d.code == 'unknown-flag' end, flaglens_diagnostics(buf))[1]
  local message = "'new-chekout' is not defined in any environment (production, staging). Did you mean 'new-checkout'?"
  expect(unknown and unknown.message == message, 'unknown-flag message: ' .. (unknown and unknown.message or 'none'))
  expect(unknown and unknown.severity == vim.diagnostic.severity.WARN, 'unknown-flag is a warning')
  expect(unknown and unknown.end_col == typo_col + #"'new-chekout'", 'unknown-flag covers the key')

  -- An edit in the buffer (sent as an incremental change): the typo fixed, the key is a released flag.
  vim.api.nvim_buf_set_text(buf, typo_line, typo_col + 1, typo_line, typo_col + 1 + #'new-chekout', { 'new-checkout' })
  wait_for('the diagnostics after the edit', function()
    local codes = describe(flaglens_diagnostics(buf))
    return codes:find('released-flag', 1, true) ~= nil and codes:find('unknown-flag', 1, true) == nil
  end)
  expected = 'released-flag@' .. typo_line .. ':' .. typo_col .. ' dead-flag@' .. promo_line .. ':' .. promo_col
  expect(describe(flaglens_diagnostics(buf)) == expected, 'diagnostics after the edit: expected ' .. expected .. ', got ' .. describe(flaglens_diagnostics(buf)))

  -- Hover on the dead flag's key, as `K` would ask.
  vim.api.nvim_win_set_cursor(0, { promo_line + 1, promo_col + 3 })
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover', vim.lsp.util.make_position_params(), TIMEOUT_MS)
  local hover
  for _, response in pairs(responses or {}) do
    if response.result and response.result.contents then hover = response.result.contents.value end
  end
  if expect(hover ~= nil, 'a hover on holiday-promo') then
    expect(hover:find('**holiday-promo** — dead: off in every environment', 1, true) ~= nil, 'hover title, got: ' .. hover)
    expect(hover:find('Holiday promotion banner · owner marketing', 1, true) ~= nil, 'hover description, got: ' .. hover)
    expect(hover:find('| production |', 1, true) ~= nil, 'hover environment table, got: ' .. hover)
  end
end

local ok, err = pcall(run)
if not ok then table.insert(failures, tostring(err)) end
if #failures > 0 then
  for _, failure in ipairs(failures) do log('FAIL: ' .. failure) end
  vim.cmd('cquit 1')
else
  log('ok: Neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. ' got the diagnostics (published), the edit\'s new ones and the hover')
  vim.cmd('qall!')
end
