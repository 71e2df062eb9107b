// Letter editor (/campagnes/{id}/courrier): a contenteditable area with a toolbar replaces the HTML
// textarea, whose value is kept in step and submitted with the form; the server filters the HTML
// (allow-list) anyway. The preview is rendered by the server for the campaign's first recipient.
(function () {
  'use strict';

  var container = document.querySelector('[data-letter-editor]');
  if (!container) {
    return;
  }
  var textarea = container.querySelector('textarea[name="bodyHtml"]');
  var editor = container.querySelector('[contenteditable]');
  var toolbar = container.querySelector('[role="toolbar"]');
  var form = textarea.form;
  var savedRange = null;

  editor.innerHTML = textarea.value;
  textarea.hidden = true;
  editor.hidden = false;
  toolbar.hidden = false;
  container.querySelectorAll('.zlv-letter-link-help').forEach(function (p) { p.hidden = false; });
  // the label now names the editable area, and clicking it focuses it
  container.querySelector('label[for="bodyHtml"]').addEventListener('click', function (event) {
    event.preventDefault();
    editor.focus();
  });

  function sync() {
    textarea.value = editor.innerHTML;
  }

  function rememberSelection() {
    var selection = window.getSelection();
    if (selection.rangeCount > 0 && editor.contains(selection.getRangeAt(0).commonAncestorContainer)) {
      savedRange = selection.getRangeAt(0).cloneRange();
    }
  }

  function restoreSelection() {
    editor.focus();
    var selection = window.getSelection();
    selection.removeAllRanges();
    if (savedRange) {
      selection.addRange(savedRange);
    } else {
      var range = document.createRange();
      range.selectNodeContents(editor);
      range.collapse(false);
      selection.addRange(range);
    }
  }

  document.addEventListener('selectionchange', rememberSelection);
  editor.addEventListener('input', function () {
    sync();
    schedulePreview();
  });

  toolbar.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-command]');
    if (!button) {
      return;
    }
    var command = button.getAttribute('data-command');
    restoreSelection();
    switch (command) {
      case 'heading':
        document.execCommand('formatBlock', false, 'h3');
        break;
      case 'paragraph':
        document.execCommand('formatBlock', false, 'p');
        break;
      case 'link':
        var url = window.prompt('Adresse du lien (https://…, ou mailto:…)', 'https://');
        if (url && /^(https?:\/\/|mailto:)/i.test(url.trim())) {
          document.execCommand('createLink', false, url.trim());
        }
        break;
      case 'variable':
        var token = container.querySelector('#variable-choisie').value;
        document.execCommand('insertText', false, token);
        break;
      default:
        document.execCommand(command, false, null);
    }
    rememberSelection();
    sync();
    schedulePreview();
  });

  form.addEventListener('submit', sync);

  // Live preview: the form's texts (not the files) posted to the server, which answers an HTML fragment.
  var preview = document.getElementById('apercu-courrier');
  var refresh = document.getElementById('actualiser-apercu');
  var timer = null;

  function schedulePreview() {
    if (timer) {
      clearTimeout(timer);
    }
    timer = setTimeout(updatePreview, 600);
  }

  function updatePreview() {
    if (!preview) {
      return;
    }
    sync();
    var body = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string') {
        body.append(name, value);
      }
    });
    var headers = {'Content-Type': 'application/x-www-form-urlencoded'};
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      headers[header.content] = token.content;
    }
    fetch(form.getAttribute('data-preview-url'), {method: 'POST', headers: headers, body: body, credentials: 'same-origin'})
      .then(function (response) { return response.text(); })
      .then(function (html) { preview.innerHTML = html; })
      .catch(function () { preview.textContent = 'Aperçu indisponible pour le moment.'; });
  }

  if (preview) {
    form.addEventListener('input', function (event) {
      if (event.target !== editor && event.target.type !== 'file') {
        schedulePreview();
      }
    });
    if (refresh) {
      refresh.hidden = false;
      refresh.addEventListener('click', updatePreview);
    }
    updatePreview();
  }
})();
