-- Palisade diagnostics in Neovim (0.8 or later): `palisade lsp` started for Terraform,
-- CloudFormation (YAML/JSON) and IAM policy buffers, one server per project root.
-- Put this file on your runtimepath (e.g. ~/.config/nvim/plugin/palisade.lua) or :luafile it.

local function root_of(buf)
  local markers = { "palisade.toml", ".git", ".terraform" }
  local found = vim.fs.find(markers, { upward = true, path = vim.fs.dirname(vim.api.nvim_buf_get_name(buf)) })[1]
  return found and vim.fs.dirname(found) or vim.fn.getcwd()
end

vim.api.nvim_create_autocmd("FileType", {
  pattern = { "terraform", "hcl", "yaml", "json" },
  callback = function(args)
    vim.lsp.start({
      name = "palisade",
      cmd = { "palisade", "lsp" },
      root_dir = root_of(args.buf),
    })
  end,
})
