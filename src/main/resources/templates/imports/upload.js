// Sends the chosen file as the raw request body (streamed to disk by the server), then opens the run's page.
    (function () {
      var form = document.getElementById('import-form');
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var file = document.getElementById('import-file').files[0];
        var error = document.getElementById('import-error');
        error.hidden = true;
        if (!file) { return; }
        var params = new URLSearchParams({
          name: file.name,
          millesime: document.getElementById('import-millesime').value,
          all: document.getElementById('import-all').checked
        });
        var headers = {'Content-Type': 'application/octet-stream'};
        var h = document.querySelector('meta[name="csrf-header"]');
        var t = document.querySelector('meta[name="csrf-token"]');
        if (h && t) { headers[h.content] = t.content; }
        document.getElementById('import-submit').disabled = true;
        document.getElementById('import-sending').hidden = false;
        // an answer that is not JSON is the sign-in page: the session has expired
        var answer = function (r) {
          var type = r.headers.get('Content-Type') || '';
          if (type.indexOf('application/json') < 0) {
            return {ok: false, body: {error: 'Votre session a expiré : reconnectez-vous, puis envoyez le fichier à nouveau.'}};
          }
          return r.json().then(function (body) { return {ok: r.ok, body: body}; });
        };
        // a refusal known before sending (another import running, a wrong millésime) spares an upload of several GB
        fetch(form.dataset.verifyUrl + '?' + new URLSearchParams({millesime: params.get('millesime')}),
              {headers: {'Accept': 'application/json'}})
          .then(answer)
          .then(function (checked) {
            if (!checked.ok) { return checked; }
            return fetch(form.dataset.uploadUrl + '?' + params, {method: 'POST', headers: headers, body: file}).then(answer);
          })
          .then(function (res) {
            if (res.ok) { window.location.href = res.body.location; return; }
            document.getElementById('import-error-text').textContent = res.body.error || 'L’envoi a échoué.';
            error.hidden = false;
          })
          .catch(function () {
            document.getElementById('import-error-text').textContent = 'L’envoi a échoué : vérifiez votre connexion.';
            error.hidden = false;
          })
          .finally(function () {
            document.getElementById('import-submit').disabled = false;
            document.getElementById('import-sending').hidden = true;
          });
      });
    })();
