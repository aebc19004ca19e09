-- Headless Neovim as an LSP client of `palisade lsp`, for tests/tests/nvim.rs.
-- env: PALISADE      the palisade binary
--      FILE          the file to open
--      EXPECT        diagnostics to wait for
--      EDIT_LINE     optional: 1-based line to replace (sent as textDocument/didChange) ...
--      EDIT_TEXT     ... with this text, then wait for EXPECT_AFTER diagnostics
-- Prints one line per diagnostic, `line:col:severity:code`, 1-based, sorted; after an edit a
-- line `edit` and the diagnostics again. Exits 0, or 2 on timeout, 3 if the server did not
-- start. Works with the Neovim of Debian bookworm (0.7) and later.
local function out(s) io.stdout:write(s .. "\n") end
local timeout = 20000

vim.cmd("edit " .. vim.fn.fnameescape(vim.env.FILE))
local buf = vim.api.nvim_get_current_buf()
local config = {
  name = "palisade",
  cmd = { vim.env.PALISADE, "lsp" },
  root_dir = vim.fn.getcwd(),
}
local id
if vim.lsp.start then
  id = vim.lsp.start(config) -- 0.8+: starts and attaches to the current buffer
else
  id = vim.lsp.start_client(config) -- 0.7
  if id then vim.lsp.buf_attach_client(buf, id) end
end
if not id then vim.cmd("cquit 3") end

local function dump(want)
  if not vim.wait(timeout, function() return #vim.diagnostic.get(buf) == want end, 20) then
    out("timeout with " .. #vim.diagnostic.get(buf) .. " diagnostics")
    vim.cmd("cquit 2")
  end
  local diags = vim.diagnostic.get(buf)
  table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  for _, d in ipairs(diags) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
    out(string.format("%d:%d:%s:%s", d.lnum + 1, d.col + 1, vim.diagnostic.severity[d.severity], code))
  end
end

dump(tonumber(vim.env.EXPECT))
if vim.env.EDIT_LINE then
  local n = tonumber(vim.env.EDIT_LINE)
  vim.api.nvim_buf_set_lines(buf, n - 1, n, false, { vim.env.EDIT_TEXT })
  out("edit")
  dump(tonumber(vim.env.EXPECT_AFTER))
end
vim.lsp.stop_client(id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
vim.cmd("qall!")
