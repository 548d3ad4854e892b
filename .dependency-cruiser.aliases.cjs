// The path aliases of tsconfig.json, for dependency-cruiser (see .dependency-cruiser.cjs).
const path = require("node:path");

module.exports = {
  resolve: { alias: { "~": path.join(__dirname, "src"), "@inngest-fns": path.join(__dirname, "inngest") } },
};
