// PlanBot's tab: signs in, then shows the server-rendered fragments the host sends. Fragments come
// with every user value HTML-encoded by the host; the script only moves them into the page.
(function () {
  'use strict';
  var teams = window.microsoftTeams;

  function configure() {
    var input = document.getElementById('product');
    teams.app.initialize().then(function () {
      teams.pages.config.registerOnSaveHandler(function (save) {
        var product = input.value.trim();
        teams.pages.config.setConfig({
          entityId: 'releases:' + product,
          suggestedDisplayName: product + ' releases',
          contentUrl: window.location.origin + '/tab/channel?product=' + encodeURIComponent(product)
        }).then(function () { save.notifySuccess(); }, function (e) { save.notifyFailure(String(e)); });
      });
      input.addEventListener('input', function () { teams.pages.config.setValidityState(input.value.trim().length > 0); });
    });
  }

  function tab(root) {
    var devToken = root.getAttribute('data-dev-token');

    function token() {
      if (devToken) { return Promise.resolve(devToken); }
      if (!teams) { return Promise.reject(new Error('The Teams library did not load.')); }
      return teams.app.initialize().then(function () { return teams.authentication.getAuthToken(); });
    }

    function show(html) {
      root.innerHTML = html;
      var heading = root.querySelector('h2[tabindex]');
      if (heading) { heading.focus(); }
    }

    function load(url) {
      root.setAttribute('aria-busy', 'true');
      return token().then(function (t) {
        return fetch(url, { headers: { Authorization: 'Bearer ' + t, Accept: 'text/html' } });
      }).then(function (response) {
        return response.text().then(function (body) {
          if (response.ok) { show(body); return; }
          var detail = body;
          try { detail = JSON.parse(body).detail || body; } catch (e) { /* plain text */ }
          var p = document.createElement('p');
          p.className = 'error';
          p.setAttribute('role', 'alert');
          p.textContent = detail;
          root.replaceChildren(p);
        });
      }).catch(function (e) {
        var p = document.createElement('p');
        p.className = 'error';
        p.setAttribute('role', 'alert');
        p.textContent = 'Could not sign in: ' + (e && e.message ? e.message : String(e)) + '. Open this tab in Teams.';
        root.replaceChildren(p);
      }).finally(function () { root.removeAttribute('aria-busy'); });
    }

    root.addEventListener('click', function (event) {
      var link = event.target.closest('a');
      if (!link) { return; }
      if (link.hasAttribute('data-fragment')) {
        event.preventDefault();
        load(link.getAttribute('href'));
      } else if (link.hasAttribute('data-teams-link') && teams && !devToken) {
        event.preventDefault();
        teams.app.openLink(link.href);
      }
    });

    root.addEventListener('submit', function (event) {
      var form = event.target.closest('form[data-fragment-form]');
      if (!form) { return; }
      event.preventDefault();
      var query = new URLSearchParams();
      new FormData(form).forEach(function (value, key) { if (String(value).trim()) { query.append(key, value); } });
      load(form.getAttribute('action') + '?' + query.toString());
    });

    load(root.getAttribute('data-start'));
  }

  var root = document.getElementById('planbot');
  if (root) { tab(root); } else if (document.getElementById('planbot-configure') && teams) { configure(); }
})();
