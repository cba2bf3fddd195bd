// The one place that knows the development host and how a production build replaces it.
const DEV_URL = "https://localhost:3000/";

function hostingUrl(raw) {
  if (!raw) return DEV_URL;
  const url = new URL(raw);
  if (url.protocol !== "https:") {
    throw new Error(
      `ALVH_URL ${raw} must be an https:// URL: Office loads add-ins only over HTTPS`
    );
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

// Every occurrence, not only the first: the manifest names the host in many places.
function rewriteDevUrls(text, baseUrl) {
  return text
    .split(DEV_URL)
    .join(baseUrl)
    .split("https://localhost:3000")
    .join(baseUrl.replace(/\/$/, ""));
}

module.exports = { DEV_URL, hostingUrl, rewriteDevUrls };
