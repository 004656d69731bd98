// Microsoft's Office add-in formatting (printWidth 100, trailing commas es5).
module.exports = require("office-addin-prettier-config");
