// Housing list: selection counter ("all matching except" when the whole filter is selected), the
// actions on the selection (group, bulk edit, campaign) and the page-size choice, which re-submits the
// filter form.
(function () {
  var form = document.getElementById('selection');
  if (form) {
    var all = document.getElementById('tout-selectionner');
    var status = document.getElementById('nombre-selection');
    var total = parseInt(form.getAttribute('data-total') || '0', 10);
    var format = function (n) { return n.toLocaleString('fr-FR'); };
    var update = function () {
      var boxes = form.querySelectorAll('input[name="ids"]');
      var checked = form.querySelectorAll('input[name="ids"]:checked').length;
      var n;
      if (all.checked) {
        // every row of the filter is selected; unticked rows of this page are the exceptions
        n = total - (boxes.length - checked);
      } else {
        n = checked;
      }
      status.textContent = n === 0 ? 'Aucun logement sélectionné'
        : (n === 1 ? '1 logement sélectionné' : format(n) + ' logements sélectionnés');
      form.setAttribute('data-selected', String(n));
      var exceptions = [];
      if (all.checked) {
        boxes.forEach(function (box) { if (!box.checked) { exceptions.push(box.value); } });
      }
      document.getElementById('exceptions').value = exceptions.join(',');
      form.querySelectorAll('.zlv-needs-selection').forEach(function (button) { button.disabled = n === 0; });
      refreshAddButton();
    };
    // "Ajouter au groupe": the groups of the establishment come from the API (the session is enough);
    // the chosen group's id goes into the button's form action
    var groupSelect = document.getElementById('groupe-existant');
    var addButton = document.getElementById('ajouter-au-groupe');
    var refreshAddButton = function () {
      if (!groupSelect || !addButton) { return; }
      var id = groupSelect.value;
      addButton.disabled = !id || form.getAttribute('data-selected') === '0';
      if (id) {
        addButton.setAttribute('formaction', addButton.getAttribute('data-action-template').replace('ID', encodeURIComponent(id)));
      }
    };
    if (groupSelect) {
      fetch(groupSelect.getAttribute('data-groups-url'), { headers: { 'Accept': 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (groups) {
          if (groups.length === 0) {
            groupSelect.options[0].textContent = 'Aucun groupe : créez-en un';
          }
          groups.forEach(function (group) {
            var option = document.createElement('option');
            option.value = String(group.id);
            option.textContent = group.name + ' (' + group.housingCount + ' logements)';
            groupSelect.appendChild(option);
          });
        });
      groupSelect.addEventListener('change', refreshAddButton);
    }
    all.addEventListener('change', function () {
      form.querySelectorAll('input[name="ids"]').forEach(function (box) { box.checked = all.checked; });
      update();
    });
    form.addEventListener('change', function (event) {
      if (event.target.name === 'ids') { update(); }
    });
    update();
  }
  var perPage = document.getElementById('par-page');
  if (perPage) {
    perPage.addEventListener('change', function () { document.getElementById('filtres').requestSubmit(); });
  }
})();
