/* eslint-disable no-undef */
// Builds the shared-runtime add-in: one page (taskpane.html) that hosts the task pane and
// registers the custom functions, plus functions.json generated from the functions' JSDoc.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { hostingUrl, rewriteDevUrls } = require("./scripts/hosting-url");

module.exports = (env, argv) => {
  const production = argv.mode === "production";
  const baseUrl = hostingUrl(process.env.ALVH_URL);
  return {
    devtool: production ? false : "source-map",
    target: ["web", "es2020"],
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, env.outputPath || "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true } } }],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (production ? rewriteDevUrls(content.toString(), baseUrl) : content),
          },
        ],
      }),
      {
        // functions.json carries help URLs written against the dev host; production points them at the real one.
        apply(compiler) {
          compiler.hooks.thisCompilation.tap("HostingUrl", (compilation) => {
            compilation.hooks.processAssets.tap(
              { name: "HostingUrl", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
              () => {
                if (!production) return;
                const asset = compilation.getAsset("functions.json");
                if (!asset) return;
                const rewritten = rewriteDevUrls(asset.source.source().toString(), baseUrl);
                compilation.updateAsset("functions.json", new compiler.webpack.sources.RawSource(rewritten));
              }
            );
          });
        },
      },
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      port: Number(process.env.PORT || 3000),
    },
  };
};
