// Starts Swagger UI on /docs (a file, not inline script, so the page's CSP can forbid inline script).
window.addEventListener("load", function () {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
