// Small progressive enhancements; every page works without JavaScript.
(function () {
  'use strict';
  // Ticking a facet applies the search at once (the button stays for keyboard and no-JS users).
  document.querySelectorAll('form.search .facet input[type=checkbox]').forEach(function (box) {
    box.addEventListener('change', function () { box.form.submit(); });
  });
  // A sortable table's heading sorts its rows by that column's text, again in reverse.
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var headings = table.querySelectorAll('thead th');
    headings.forEach(function (heading, column) {
      heading.tabIndex = 0;
      function sort() {
        var ascending = heading.getAttribute('aria-sort') !== 'ascending';
        headings.forEach(function (other) { other.removeAttribute('aria-sort'); });
        heading.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var order = a.cells[column].textContent.trim().localeCompare(b.cells[column].textContent.trim());
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      heading.addEventListener('click', sort);
      heading.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); sort(); }
      });
    });
  });
  // A confirmed import may take a while: say so, with a progress bar, and keep the form from being sent twice.
  document.querySelectorAll('form[data-progress]').forEach(function (form) {
    form.addEventListener('submit', function () {
      var progress = document.getElementById(form.getAttribute('data-progress'));
      if (progress) { progress.hidden = false; }
      form.hidden = true;
    });
  });
})();
